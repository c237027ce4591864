package cn.keyaccount.customer;

/** Masks personal data for viewers who are not its owner (DOMAIN.md: phone numbers are personal data). */
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
}
