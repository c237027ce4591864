package cn.keyaccount.support;

import static io.restassured.RestAssured.given;

import cn.keyaccount.customer.CreditCode;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** REST Assured calls as one of the demo users (basic auth, JSON, English messages), and ids found through the API. */
public final class Api {

    private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L));

    private Api() {
    }

    /** A request signed in as {@code login}; anonymous when null. */
    public static RequestSpecification as(Login login) {
        RequestSpecification spec = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Accept-Language", "en");
        return login == null ? spec : spec.auth().preemptive().basic(login.username, login.password);
    }

    /** Every customer the user may see (the demo company has 300, fewer than one maximal page). */
    public static List<Long> visibleCustomerIds(Login login) {
        return as(login).queryParam("size", 500).get("/api/customers")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
    }

    /** A customer that exists but that the user may not see. */
    public static long hiddenCustomerId(Login login) {
        Set<Long> visible = Set.copyOf(visibleCustomerIds(login));
        return visibleCustomerIds(Login.ADMIN).stream().filter(id -> !visible.contains(id)).findFirst()
                .orElseThrow(() -> new AssertionError(login.username + " sees every customer"));
    }

    public static Map<String, Object> customer(Login login, long id) {
        return as(login).get("/api/customers/{id}", id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    /** The request body that changes nothing: the customer as it is, with the version read. */
    public static Map<String, Object> draftOf(Map<String, Object> details) {
        Map<String, Object> draft = new HashMap<>(details);
        List<?> lines = (List<?>) details.get("lines");
        draft.put("lineIds", lines.stream().map(l -> ((Map<?, ?>) l).get("id")).toList());
        return draft;
    }

    /** A valid new customer in the first unit {@code login} may see, with a fresh account number and credit code. */
    public static Map<String, Object> newCustomer(Login login) {
        Map<String, Object> draft = draftOf(customer(login, visibleCustomerIds(login).getFirst()));
        long serial = SERIAL.incrementAndGet() % 100_000_000L;
        draft.remove("id");
        draft.remove("version");
        draft.put("accountNo", String.format("97%08d", serial));
        draft.put("creditCode", creditCode(serial));
        draft.put("name", "接口测试客户 " + serial);
        return draft;
    }

    public static String creditCode(long serial) {
        String first17 = String.format("91330100%09d", serial);
        return first17 + CreditCode.checkCharacter(first17);
    }

    public static String unique(String prefix) {
        return prefix + SERIAL.incrementAndGet();
    }

    /**
     * Recomputes every portrait as the administrator (202: the run goes on in the background) and waits until its
     * progress resource says it finished. Returns the answer to the start (its 202 checked) for tests of the start
     * itself.
     */
    public static io.restassured.response.Response recomputePortraits() {
        io.restassured.response.Response started = as(Login.ADMIN).post("/api/portrait/recompute");
        started.then().statusCode(202);
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (!"FINISHED".equals(as(Login.SUPERVISOR).get("/api/portrait/recompute").then().statusCode(200)
                .extract().path("state"))) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the portrait recompute did not finish within 5 minutes");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return started;
    }
}
