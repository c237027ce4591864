package cn.keyaccount.base.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every page's browser asks for /favicon.ico: it is there, for signed-in users and for the sign-in page alike. */
@QuarkusTest
class FaviconTest {

    @Test
    void the_favicon_answers_200_with_an_icon_without_signing_in() {
        byte[] icon = given().redirects().follow(false).get("/favicon.ico").then().statusCode(200).extract()
                .asByteArray();
        assertTrue(icon.length > 22, "an icon, not an empty body");
        assertEquals(0, icon[0]);
        assertEquals(0, icon[1]);
        assertEquals(1, icon[2], "the ICO header (type 1: icon)");
    }
}
