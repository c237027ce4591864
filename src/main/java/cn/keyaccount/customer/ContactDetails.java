package cn.keyaccount.customer;

import java.time.LocalTime;

/** A contact as shown; {@code mobile} and {@code email} are masked unless the viewer may see them whole. */
public record ContactDetails(long id, long customerId, String name, String role, String mobile, String email,
                          boolean acceptsSms, boolean acceptsEmail, boolean acceptsPortal, LocalTime quietFrom,
                          LocalTime quietTo, long version) {

    static ContactDetails of(Contact c, boolean unmasked) {
        return new ContactDetails(c.getId(), c.getCustomer().getId(), c.getName(), c.getRole(),
                unmasked ? c.getMobile() : PersonalData.maskMobile(c.getMobile()),
                unmasked ? c.getEmail() : PersonalData.maskEmail(c.getEmail()), c.isAcceptsSms(),
                c.isAcceptsEmail(), c.isAcceptsPortal(), c.getQuietFrom(), c.getQuietTo(), c.getVersion());
    }
}
