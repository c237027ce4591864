package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.servicerequest.ServiceArea;
import java.util.List;

/** A repair crew as screens and REST show it, with the sign-ins that work for it. */
public record CrewDetails(long id, long unitId, String unitName, String name, String members, String mobile,
                          ServiceArea area, boolean active, List<Account> accounts, long version) {

    /** A crew sign-in (role REPAIR_CREW). */
    public record Account(long userId, String username, String displayName) {
    }
}
