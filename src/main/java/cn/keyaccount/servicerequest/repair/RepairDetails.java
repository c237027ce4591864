package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.servicerequest.ServiceArea;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A repair as its crew and the staff see it: the customer and the call, the crew, each step reached with its time,
 * the cause, the fault outage it is linked to, the photos, the request's service-level deadlines, and the next steps
 * the viewer may report ({@code nextSteps}, empty for whoever is not its crew).
 */
public record RepairDetails(long id, long requestId, long customerId, String customerName, String accountNo,
                            String address, String subject, String description, ServiceArea area, String managerName,
                            String managerMobile, Long crewId, String crewName, String crewMobile, RepairStep step,
                            List<StepTime> steps, String cause, Long outageId, List<PhotoRow> photos,
                            OffsetDateTime respondDueAt, OffsetDateTime resolveDueAt, List<RepairStep> nextSteps,
                            long version) {

    public record StepTime(RepairStep step, OffsetDateTime at) {
    }

    public record PhotoRow(long id, RepairStep step, String contentType, int sizeBytes, OffsetDateTime uploadedAt,
                           String uploadedBy) {
    }
}
