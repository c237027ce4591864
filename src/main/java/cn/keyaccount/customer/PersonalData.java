package cn.keyaccount.customer;

/**
 * Masks personal data for viewers who are not its owner (DOMAIN.md: phone numbers and e-mail addresses are personal
 * data). Who sees them whole is decided in one place, {@code CustomerAccess.seesPersonalData}.
 */
public final class PersonalData {

    private PersonalData() {
    }

    /** 13812345678 → 138****5678. */
    public static String maskMobile(String mobile) {
        if (mobile == null || mobile.length() < 7) {
            return mobile;
        }
        return mobile.substring(0, 3) + "****" + mobile.substring(mobile.length() - 4);
    }

    /** zhang.wei@example.com → zh****@example.com (one letter kept of a short name, the domain whole). */
    public static String maskEmail(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        if (at < 1) {
            return email;
        }
        return email.substring(0, at > 3 ? 2 : 1) + "****" + email.substring(at);
    }
}
