package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A photo the crew took at a step (JPEG, PNG or WebP by its first bytes, at most 5 MB), kept in the database. */
@Entity
@Table(name = "repair_photo")
public class RepairPhoto extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Repair repair;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RepairStep step;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private int sizeBytes;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private OffsetDateTime uploadedAt;

    protected RepairPhoto() {
    }

    RepairPhoto(Repair repair, RepairStep step, String contentType, byte[] content, String uploadedBy,
                OffsetDateTime uploadedAt) {
        this.repair = repair;
        this.step = step;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Repair getRepair() {
        return repair;
    }

    RepairStep getStep() {
        return step;
    }

    String getContentType() {
        return contentType;
    }

    byte[] getContent() {
        return content;
    }

    OffsetDateTime getUploadedAt() {
        return uploadedAt;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    int getSizeBytes() {
        return sizeBytes;
    }
}
