package cn.keyaccount.customer;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A customer's contacts, with their channel consent and quiet hours; every change audited. */
@ApplicationScoped
public class ContactService {

    public static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ContactRepository contacts;
    private final CustomerAccess access;
    private final AuditService audit;

    ContactService(ContactRepository contacts, CustomerAccess access, AuditService audit) {
        this.contacts = contacts;
        this.access = access;
        this.audit = audit;
    }

    public List<ContactDetails> list(Viewer viewer, long customerId) {
        Customer c = access.visible(viewer, customerId);
        boolean unmasked = access.seesPersonalData(viewer, c);
        return contacts.list("customer.id", Sort.by("name").and("id"), customerId).stream()
                .map(x -> ContactDetails.of(x, unmasked)).toList();
    }

    public ContactDetails get(Viewer viewer, long customerId, long contactId) {
        Customer c = access.visible(viewer, customerId);
        return ContactDetails.of(find(customerId, contactId), access.seesPersonalData(viewer, c));
    }

    /**
     * The contacts of many customers, unmasked, in one query: for the notice engine, which has already checked
     * that the caller may see these customers and needs the real numbers to send to.
     */
    public List<ContactDetails> recipientsOf(Collection<Long> customerIds) {
        List<Long> ids = List.copyOf(new java.util.TreeSet<>(customerIds));
        List<ContactDetails> all = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += CustomerService.IN_CHUNK) {
            // plain values, not entities: a notice to thousands of customers reads tens of thousands of contacts
            all.addAll(contacts.getEntityManager().createQuery("select new cn.keyaccount.customer.ContactDetails(x.id, "
                            + "x.customer.id, x.name, x.role, x.mobile, x.email, x.acceptsSms, x.acceptsEmail, "
                            + "x.acceptsPortal, x.quietFrom, x.quietTo, x.version) from Contact x "
                            + "where x.customer.id in :ids order by x.customer.id, x.id", ContactDetails.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CustomerService.IN_CHUNK)))
                    .getResultList());
        }
        return all;
    }

    /** Contacts by id, unmasked, for the notice engine (which checks access to their customers itself). */
    public List<ContactDetails> recipientsByIds(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        return contacts.list("id in ?1", Sort.by("id"), contactIds).stream().map(x -> ContactDetails.of(x, true))
                .toList();
    }

    @Transactional
    public ContactDetails add(Viewer viewer, long customerId, ContactDraft draft) {
        Customer c = access.editable(viewer, customerId);
        validate(draft);
        Contact contact = new Contact(c);
        contact.apply(draft);
        contacts.persistAndFlush(contact);
        audit.record(viewer.username(), "CONTACT_CREATED", "CONTACT", contact.getId(), c.getId(),
                c.getUnit().getPath(), c.getAccountNo() + " " + contact.getName(), null, snapshot(contact));
        return ContactDetails.of(contact, true);
    }

    @Transactional
    public ContactDetails update(Viewer viewer, long customerId, long contactId, ContactDraft draft) {
        Customer c = access.editable(viewer, customerId);
        Contact contact = find(customerId, contactId);
        CustomerService.requireVersion(draft.getVersion(), contact.getVersion());
        validate(draft);
        Map<String, Object> before = snapshot(contact);
        contact.apply(draft);
        contacts.flush();
        audit.record(viewer.username(), "CONTACT_UPDATED", "CONTACT", contact.getId(), c.getId(),
                c.getUnit().getPath(), c.getAccountNo() + " " + contact.getName(), before, snapshot(contact));
        return ContactDetails.of(contact, true);
    }

    @Transactional
    public void delete(Viewer viewer, long customerId, long contactId) {
        Customer c = access.editable(viewer, customerId);
        Contact contact = find(customerId, contactId);
        audit.record(viewer.username(), "CONTACT_DELETED", "CONTACT", contact.getId(), c.getId(),
                c.getUnit().getPath(), c.getAccountNo() + " " + contact.getName(), snapshot(contact), null);
        contacts.delete(contact);
    }

    public static Validation rules(ContactDraft d) {
        Validation v = new Validation();
        v.notBlank(d.getName(), "name").maxLength(d.getName(), 50, "name");
        v.notBlank(d.getRole(), "role").maxLength(d.getRole(), 50, "role");
        v.require(blank(d.getMobile()) || MOBILE.matcher(d.getMobile().trim()).matches(), "mobile",
                "error.mobile-format");
        v.require(blank(d.getEmail()) || EMAIL.matcher(d.getEmail().trim()).matches(), "email", "error.email-format");
        v.require(!blank(d.getMobile()) || !blank(d.getEmail()), "mobile", "error.contact-needs-channel");
        v.require(!d.isAcceptsSms() || !blank(d.getMobile()), "acceptsSms", "error.sms-needs-mobile");
        v.require(!d.isAcceptsEmail() || !blank(d.getEmail()), "acceptsEmail", "error.email-needs-address");
        v.require((d.getQuietFrom() == null) == (d.getQuietTo() == null), "quietTo", "error.quiet-hours-pair");
        return v;
    }

    private static void validate(ContactDraft d) {
        rules(d).throwIfInvalid();
    }

    private Contact find(long customerId, long contactId) {
        Contact contact = contacts.findById(contactId);
        if (contact == null || contact.getCustomer().getId() != customerId) {
            throw BusinessException.notFound("error.contact-not-found", contactId);
        }
        return contact;
    }

    private static Map<String, Object> snapshot(Contact c) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("name", c.getName());
        s.put("role", c.getRole());
        s.put("mobile", PersonalData.maskMobile(c.getMobile()));
        s.put("email", PersonalData.maskEmail(c.getEmail()));
        s.put("acceptsSms", c.isAcceptsSms());
        s.put("acceptsEmail", c.isAcceptsEmail());
        s.put("acceptsPortal", c.isAcceptsPortal());
        s.put("quietHours", c.getQuietFrom() == null ? null : c.getQuietFrom() + "-" + c.getQuietTo());
        return s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
