package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.servicerequest.ServiceArea;
import java.util.List;

/**
 * A new or changed repair crew: its unit, name, members (names, comma-separated), duty mobile, the area it covers,
 * whether it takes repairs, and the user ids of its sign-ins (role REPAIR_CREW); {@code version} when changing.
 */
public record CrewDraft(Long unitId, String name, String members, String mobile, ServiceArea area, Boolean active,
                        List<Long> accountIds, Long version) {
}
