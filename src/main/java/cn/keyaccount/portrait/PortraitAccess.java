package cn.keyaccount.portrait;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Viewer;

/** Segments, tags as lists and strategies are for supervisors and administrators. */
final class PortraitAccess {

    private PortraitAccess() {
    }

    static void requireSupervisor(Viewer viewer) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw BusinessException.forbidden("portrait.error.supervisors-only");
        }
    }
}
