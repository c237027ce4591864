package cn.keyaccount.servicerequest;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
class RequestAttachmentRepository implements PanacheRepository<RequestAttachment> {
}
