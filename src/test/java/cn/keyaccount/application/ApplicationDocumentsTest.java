package cn.keyaccount.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationDocumentsTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    ApplicationService applications;
    @Inject
    ApplicationDocuments documents;
    @Inject
    ApplicationFixtures fixtures;
    @Inject
    EntityManager em;

    private ApplicationDetails increase(Viewer manager) {
        long customer = fixtures.managersCustomer();
        return applications.create(manager, fixtures.draft(customer, ApplicationKind.CAPACITY_INCREASE,
                fixtures.capacityOf(customer).add(BigDecimal.TEN)));
    }

    @Test
    void the_missing_documents_are_told_once_with_the_whole_list_and_the_clock_stops_for_them() {
        Viewer manager = fixtures.viewer("manager");
        ApplicationDetails a = increase(manager);
        DocumentDetails told = documents.tellMissing(manager, a.id(), List.of(DocumentType.EQUIPMENT_LIST,
                DocumentType.BUSINESS_LICENCE), null, a.version());
        assertEquals(List.of(DocumentType.BUSINESS_LICENCE, DocumentType.EQUIPMENT_LIST), told.toldMissing(),
                "in the checklist's order");
        ApplicationDetails waiting = applications.get(manager, a.id());
        assertEquals(ApplicationStatus.WAITING, waiting.status());
        assertEquals(StopReason.DOCUMENTS_MISSING, waiting.stops().getFirst().reason());
        BusinessException again = assertThrows(BusinessException.class, () -> documents.tellMissing(manager,
                a.id(), List.of(DocumentType.AGENT_ID), null, waiting.version()));
        assertEquals("error.application-documents-told", again.key());
        Number sent = (Number) em.createNativeQuery("select count(*) from notice where template = "
                + "'application-documents-missing' and title like :n").setParameter("n", "%" + a.number() + "%")
                .getSingleResult();
        assertEquals(1, sent.intValue(), "one notice with the whole list");
    }

    @Test
    void a_notice_told_in_english_lists_the_documents_by_their_english_names() {
        Viewer manager = fixtures.viewer("manager");
        ApplicationDetails a = increase(manager);
        documents.tellMissing(manager, a.id(), List.of(DocumentType.EQUIPMENT_LIST, DocumentType.BUSINESS_LICENCE),
                "en", a.version());
        Object[] notice = (Object[]) em.createNativeQuery("select n.language, (select string_agg(m.body, ' | ') "
                        + "from notice_message m where m.notice_id = n.id) from notice n where n.template = "
                        + "'application-documents-missing' and n.title like :n")
                .setParameter("n", "%" + a.number() + "%").getSingleResult();
        assertEquals("en", notice[0]);
        String english = cn.keyaccount.base.Messages.get(cn.keyaccount.base.Messages.ENGLISH,
                "application.document.BUSINESS_LICENCE") + ", " + cn.keyaccount.base.Messages.get(
                cn.keyaccount.base.Messages.ENGLISH, "application.document.EQUIPMENT_LIST");
        String bodies = String.valueOf(notice[1]);
        assertTrue(bodies.contains(english), bodies);
        assertFalse(bodies.contains(cn.keyaccount.base.Messages.get(cn.keyaccount.base.Messages.CHINESE,
                "application.document.BUSINESS_LICENCE")), "no Chinese names in the English text: " + bodies);
    }

    @Test
    void an_upload_that_is_empty_too_large_of_a_refused_type_or_off_the_checklist_is_refused_with_its_reason() {
        Viewer manager = fixtures.viewer("manager");
        ApplicationDetails a = increase(manager);
        assertEquals("error.application-upload-empty", refusal(() -> documents.upload(manager, a.id(),
                DocumentType.BUSINESS_LICENCE, "licence.pdf", new byte[0])));
        byte[] huge = Arrays.copyOf(PDF, ApplicationDocuments.MAX_UPLOAD_BYTES + 1);
        assertEquals("error.application-upload-too-large", refusal(() -> documents.upload(manager, a.id(),
                DocumentType.BUSINESS_LICENCE, "licence.pdf", huge)));
        assertEquals("error.application-upload-type", refusal(() -> documents.upload(manager, a.id(),
                DocumentType.BUSINESS_LICENCE, "licence.pdf", "MZ\u0090\u0000 program".getBytes(
                        StandardCharsets.ISO_8859_1))));
        assertEquals("error.application-document-not-in-checklist", refusal(() -> documents.upload(manager,
                a.id(), DocumentType.TRANSFER_AGREEMENT, "agreement.pdf", PDF)));
        documents.upload(manager, a.id(), DocumentType.BUSINESS_LICENCE, "营业执照.pdf", PDF);
        DocumentDetails listed = documents.of(manager, a.id());
        assertEquals(1, listed.files().size());
        assertEquals("application/pdf", listed.files().getFirst().contentType());
        assertEquals(1, listed.checklist().stream().filter(i -> i.type() == DocumentType.BUSINESS_LICENCE)
                .findFirst().orElseThrow().uploaded());
        DocumentFile back = documents.download(manager, a.id(), listed.files().getFirst().id());
        assertEquals("营业执照.pdf", back.fileName());
        assertEquals(PDF.length, back.content().length);
    }

    private static String refusal(Runnable upload) {
        BusinessException e = assertThrows(BusinessException.class, upload::run);
        return e.fieldErrors().isEmpty() ? e.key() : e.fieldErrors().getFirst().key();
    }
}
