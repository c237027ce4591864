package cn.keyaccount.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How text is compared where a search reads it (issue 17): the tokens byte by byte (V45), with their indexes still
 * serving the search's own tokens, and the embedded server's database in PostgreSQL's own C.UTF-8.
 */
@QuarkusTest
class SearchCollationTest {

    @Inject
    EntityManager em;

    @Test
    void the_tokens_are_compared_byte_by_byte_and_their_indexes_still_serve_a_search() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> collations = em.createNativeQuery("""
                    select a.attrelid::regclass || '.' || a.attname || ' ' || c.collname from pg_attribute a
                      join pg_collation c on c.oid = a.attcollation
                     where (a.attrelid, a.attname) in (('customer_search'::regclass, 'search_tokens'),
                                                       ('customer_search_hint'::regclass, 'token'))
                     order by 1""").getResultList();
            assertEquals(List.of("customer_search.search_tokens C", "customer_search_hint.token C"), collations);

            // a parameter has the default collation, which the column's overrides: the indexes still match the tests
            em.createNativeQuery("select set_config('enable_seqscan', 'off', true)").getSingleResult();
            String words = plan("explain select id from customer_search where search_tokens @> cast(?1 as varchar[])");
            assertTrue(words.contains("customer_search_words_gin"), words);
            String hints = plan("explain select * from customer_search_hint where token = any(cast(?1 as varchar[]))");
            assertTrue(hints.contains("customer_search_hint_pkey"), hints);
        });
    }

    @Test
    void the_embedded_database_sorts_with_postgresqls_own_c_utf8() {
        Object[] locale = (Object[]) em.createNativeQuery("select datlocprovider::text, datlocale from pg_database "
                + "where datname = current_database()").getSingleResult();
        assertEquals("b", locale[0], "the builtin locale provider");
        assertEquals("C.UTF-8", locale[1]);
        // by code point, as the C.UTF-8 of the C library did: 东 (U+4E1C) before 西 (U+897F) before 𠀀 (U+20000)
        assertEquals(List.of("A", "a", "东", "西", "\uD840\uDC00"), em.createNativeQuery(
                "select w from unnest(array['西', 'a', '\uD840\uDC00', '东', 'A']) w order by w").getResultList());
    }

    private String plan(String explain) {
        return String.join("\n", em.createNativeQuery(explain).setParameter(1, new String[] {"纺织", "高新"})
                .getResultList().stream().map(Object::toString).toList());
    }
}
