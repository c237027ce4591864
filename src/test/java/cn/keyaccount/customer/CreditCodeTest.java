package cn.keyaccount.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void a_published_code_passes_and_a_changed_check_character_fails() {
        // any 17-character body with its computed check character is valid; any other last character is not
        String body = "91440300708461136";
        char check = CreditCode.checkCharacter(body);
        assertTrue(CreditCode.isValid(body + check));
        char other = check == '0' ? '1' : '0';
        assertFalse(CreditCode.isValid(body + other));
    }

    @Test
    void the_check_character_follows_gb_32100() {
        // 91350100M000100Y43: a code printed as the standard's example form, check character '3'
        assertEquals('3', CreditCode.checkCharacter("91350100M000100Y4"));
        assertTrue(CreditCode.isValid("91350100M000100Y43"));
    }

    @Test
    void wrong_length_and_letters_outside_the_alphabet_are_refused() {
        assertFalse(CreditCode.isValid("9135010"));
        assertFalse(CreditCode.isValid(null));
        assertFalse(CreditCode.isValid("91350100I000100Y43"), "I is not in the 31-character alphabet");
        assertTrue(CreditCode.isValid("91350100m000100y43"), "lower case is accepted and upper-cased");
    }
}
