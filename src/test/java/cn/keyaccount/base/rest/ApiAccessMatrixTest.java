package cn.keyaccount.base.rest;

import static cn.keyaccount.demo.DemoDataGenerator.Login.ADMIN;
import static cn.keyaccount.demo.DemoDataGenerator.Login.CUSTOMER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.MANAGER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SCHEDULER;
import static cn.keyaccount.demo.DemoDataGenerator.Login.STATION_SUPERVISOR;
import static cn.keyaccount.demo.DemoDataGenerator.Login.SUPERVISOR;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may call what: each demo role against each endpoint, with the status the API must answer. "own" is a
 * customer the caller may see, "other" one that exists but is out of the caller's reach (reported as absent).
 */
@QuarkusTest
class ApiAccessMatrixTest {

    /** Where a call goes and with which body, worked out for the caller when the row runs. */
    record Call(String method, String path, Function<Login, Object> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Login ANONYMOUS = null;
    private static final List<Login> ROLES = List.of(ADMIN, SUPERVISOR, STATION_SUPERVISOR, MANAGER, SCHEDULER, CUSTOMER);

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        Call list = new Call("GET", "/api/customers", null);
        Call readOwn = new Call("GET", "/api/customers/{own}", null);
        Call contacts = new Call("GET", "/api/customers/{own}/contacts", null);
        Call transformers = new Call("GET", "/api/customers/{own}/transformers", null);
        Call history = new Call("GET", "/api/customers/{own}/assignments", null);
        Call me = new Call("GET", "/api/me", null);
        for (Login role : ROLES) {
            for (Call read : List.of(list, readOwn, contacts, transformers, history, me)) {
                rows.add(Arguments.of(role, read, 200));
            }
        }
        Call readOther = new Call("GET", "/api/customers/{other}", null);
        rows.add(Arguments.of(MANAGER, readOther, 404));
        rows.add(Arguments.of(CUSTOMER, readOther, 404));
        rows.add(Arguments.of(STATION_SUPERVISOR, readOther, 404));
        rows.add(Arguments.of(MANAGER, new Call("GET", "/api/customers/{other}/contacts", null), 404));
        rows.add(Arguments.of(CUSTOMER, new Call("GET", "/api/customers/{other}/assignments", null), 404));

        Call update = new Call("PUT", "/api/customers/{own}", ApiAccessMatrixTest::unchangedOwnCustomer);
        expect(rows, update, 200, 200, 200, 200, 403, 403);
        rows.add(Arguments.of(MANAGER, new Call("PUT", "/api/customers/{other}", ApiAccessMatrixTest::unchangedOther),
                404));
        Call create = new Call("POST", "/api/customers", login -> Api.newCustomer(ADMIN.equals(login) ? ADMIN
                : SUPERVISOR.equals(login) ? SUPERVISOR : STATION_SUPERVISOR));
        expect(rows, create, 201, 201, 201, 403, 403, 403);
        Call addContact = new Call("POST", "/api/customers/{own}/contacts",
                login -> Map.of("name", "矩阵测试", "role", "电工", "mobile", "13700000000",
                        "email", "mx@example.cn"));
        expect(rows, addContact, 201, 201, 201, 201, 403, 403);
        Call addTransformer = new Call("POST", "/api/customers/{own}/transformers",
                login -> Map.of("name", "矩阵测试变", "ratedKva", 400, "noLoadLossKw", 0.5, "loadLossKw", 4));
        expect(rows, addTransformer, 201, 201, 201, 201, 403, 403);

        // an empty reassignment: valid callers get as far as validation (422) without changing any portfolio
        Call reassign = new Call("POST", "/api/assignments",
                login -> Map.of("customerIds", List.of(), "reason", "矩阵测试"));
        expect(rows, reassign, 422, 422, 422, 403, 403, 403);
        expect(rows, new Call("GET", "/api/managers", null), 200, 200, 200, 403, 403, 403);
        expect(rows, new Call("GET", "/api/units", null), 200, 200, 200, 200, 200, 403);
        Call addUnit = new Call("POST", "/api/units", login -> Map.of("code", Api.unique("MX-"),
                "name", "矩阵测试所", "level", "STATION", "parentId", countyId()));
        expect(rows, addUnit, 201, 403, 403, 403, 403, 403);
        expect(rows, new Call("GET", "/api/users", null), 200, 200, 200, 403, 403, 403);
        Call addUser = new Call("POST", "/api/users", login -> Map.of("username", Api.unique("matrix."),
                "password", "Matrix@2026x", "displayName", "矩阵测试员", "role", "SCHEDULER", "unitId", countyId()));
        expect(rows, addUser, 201, 403, 403, 403, 403, 403);

        // supply-guarantee plans: everyone signed in lists what they may see; staff read the fleet; writers start plans
        Call plans = new Call("GET", "/api/supply-plans", null);
        expect(rows, plans, 200, 200, 200, 200, 200, 200);
        Call trucks = new Call("GET", "/api/fleet/trucks", null);
        expect(rows, trucks, 200, 200, 200, 200, 200, 403);
        expect(rows, new Call("GET", "/api/fleet/bookings", null), 200, 200, 200, 200, 200, 403);
        Call newPlan = new Call("POST", "/api/supply-plans", login -> Map.of(
                "customerId", Api.visibleCustomerIds(login).getFirst(), "eventType", "STANDING", "eventName", "矩阵测试",
                "level", "SECOND", "startsAt", "2098-01-01T08:00:00+08:00", "endsAt", "2098-01-02T08:00:00+08:00"));
        expect(rows, newPlan, 201, 201, 201, 201, 403, 403);
        Call addTruck = new Call("POST", "/api/fleet/trucks", login -> Map.of("plate", Api.unique("矩T"),
                "name", "矩阵测试车", "ratedKw", 100, "unitId", countyId()));
        expect(rows, addTruck, 201, 201, 403, 403, 403, 403);
        rows.add(Arguments.of(ANONYMOUS, plans, 401));
        rows.add(Arguments.of(ANONYMOUS, trucks, 401));
        rows.add(Arguments.of(ANONYMOUS, new Call("GET", "/api/supply-plans/1/document", null), 401));
        // visits: reads follow the customer's visibility; changes need a manager or supervisor of the customer
        for (Login role : ROLES) {
            rows.add(Arguments.of(role, new Call("GET", "/api/visits", null), 200));
            rows.add(Arguments.of(role, new Call("GET", "/api/visits/{ownVisit}", null), 200));
            rows.add(Arguments.of(role, new Call("GET", "/api/visits/{ownVisit}/tasks", null), 200));
        }
        rows.add(Arguments.of(MANAGER, new Call("GET", "/api/visits/{otherVisit}", null), 404));
        rows.add(Arguments.of(CUSTOMER, new Call("GET", "/api/visits/{otherVisit}", null), 404));
        rows.add(Arguments.of(STATION_SUPERVISOR, new Call("GET", "/api/visits/{otherVisit}", null), 404));
        rows.add(Arguments.of(MANAGER, new Call("POST", "/api/visits/{otherVisit}/cancel",
                login -> Map.of("reason", "矩阵测试")), 404));
        // a cancel without a reason: allowed callers reach validation (422) and nothing changes
        expect(rows, new Call("POST", "/api/visits/{ownVisit}/cancel", login -> Map.of()), 422, 422, 422, 422, 403,
                403);
        expect(rows, new Call("POST", "/api/visits", login -> Map.of()), 422, 422, 422, 422, 403, 403);
        expect(rows, new Call("POST", "/api/visits/{ownVisit}/response", login -> Map.of()), 403, 403, 403, 403, 403,
                422);
        expect(rows, new Call("GET", "/api/visit-tasks", null), 200, 200, 200, 200, 200, 403);
        expect(rows, new Call("GET", "/api/visit-policy", null), 200, 200, 200, 200, 200, 403);
        expect(rows, new Call("PUT", "/api/visit-policy/TIER_A", login -> Map.of("intervalMonths", 1)),
                200, 200, 200, 403, 403, 403);
        expect(rows, new Call("GET", "/api/visit-compliance", null), 200, 200, 200, 403, 200, 403);
        expect(rows, new Call("GET", "/api/visit-reminders", null), 403, 403, 403, 200, 403, 403);
        expect(rows, new Call("GET", "/api/visit-feed-url", null), 403, 403, 403, 200, 403, 403);
        rows.add(Arguments.of(MANAGER, new Call("POST", "/api/visit-plan", null), 200));
        rows.add(Arguments.of(SCHEDULER, new Call("POST", "/api/visit-plan", null), 403));
        rows.add(Arguments.of(CUSTOMER, new Call("POST", "/api/visit-plan", null), 403));

        Call energy = new Call("GET", "/api/customers/{own}/energy", null);
        Call analysis = new Call("GET", "/api/customers/{own}/energy/analysis?from=2019-01-01&to=2019-01-31", null);
        Call tariffs = new Call("GET", "/api/tariffs", null);
        for (Login role : ROLES) {
            for (Call read : List.of(energy, analysis, tariffs)) {
                rows.add(Arguments.of(role, read, 200));
            }
        }
        rows.add(Arguments.of(MANAGER, new Call("GET", "/api/customers/{other}/energy/analysis?from=2019-01-01"
                + "&to=2019-01-31", null), 404));
        rows.add(Arguments.of(CUSTOMER, new Call("GET", "/api/customers/{other}/energy", null), 404));
        // a stale version: the administrator gets as far as the version check (409), nobody else gets in
        expect(rows, new Call("PUT", "/api/tariffs/1", login -> Map.of("version", -1)), 409, 403, 403, 403, 403, 403);
        Call loadCurve = new Call("GET", "/api/customers/{own}/energy/load-curve?from=2019-01-01&to=2019-01-02",
                null);
        Call profile = new Call("GET", "/api/customers/{own}/energy/profile", null);
        for (Login role : ROLES) {
            for (Call read : List.of(loadCurve, profile, new Call("GET", "/api/tariffs/1", null),
                    new Call("GET", "/api/tariffs?province=北京&from=2025-01-01&to=2025-12-31", null))) {
                rows.add(Arguments.of(role, read, 200));
            }
        }
        rows.add(Arguments.of(CUSTOMER, new Call("GET", "/api/customers/{other}/energy/profile", null), 404));
        rows.add(Arguments.of(MANAGER, new Call("GET", "/api/customers/{other}/energy/load-curve?from=2019-01-01"
                + "&to=2019-01-02", null), 404));
        // uploads: a file with a negative reading is rejected whole (422, nothing stored) for those who may import
        Call upload = new Call("POST", "/api/customers/{own}/energy/readings?file=matrix.csv",
                login -> "meter,time,kwh\nMX-NEG,2019-01-01 00:15,-1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        expect(rows, upload, 422, 422, 422, 422, 403, 403);
        rows.add(Arguments.of(MANAGER, new Call("POST", "/api/customers/{other}/energy/readings?file=m.csv",
                login -> "meter,time,kwh\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 404));
        // a stale profile version: editors reach the version check (409) and nothing changes
        Call putProfile = new Call("PUT", "/api/customers/{own}/energy/profile", login -> Map.of("customerId", 0,
                "province", "北京", "voltageClass", "1-10kV", "basicChargeMode", "CAPACITY", "capacityKva", 1000,
                "powerFactorStandard", "PF_090", "customerVersion", -1, "profileVersion", -2));
        expect(rows, putProfile, 409, 409, 409, 409, 403, 403);
        // a new tariff version without content: the administrator reaches validation (422), nobody else gets in
        expect(rows, new Call("POST", "/api/tariffs", login -> Map.of("name", "矩阵")), 422, 403, 403, 403, 403, 403);

        // notices: senders schedule to their own customers (portal only, a year ahead: nothing goes out)
        Call scheduleNotice = new Call("POST", "/api/notices", login -> Map.of("purpose", "GENERAL",
                "template", "general", "title", "矩阵测试通知", "channels", List.of("PORTAL"),
                "customerIds", List.of(Api.visibleCustomerIds(login).getFirst()),
                "parameters", Map.of("title", "矩阵", "text", "测试"),
                "plannedAt", java.time.OffsetDateTime.now().plusYears(1).toString()));
        expect(rows, scheduleNotice, 201, 201, 201, 201, 201, 403);
        Call notices = new Call("GET", "/api/notices", null);
        expect(rows, notices, 200, 200, 200, 200, 200, 403);
        expect(rows, new Call("GET", "/api/notices/templates", null), 200, 200, 200, 200, 200, 403);
        expect(rows, new Call("GET", "/api/notices/0", null), 404, 404, 404, 404, 404, 403);
        expect(rows, new Call("GET", "/api/notices/0/messages", null), 404, 404, 404, 404, 404, 403);
        Call retryMessage = new Call("POST", "/api/notices/0/messages/0/retry", null);
        expect(rows, retryMessage, 404, 404, 404, 404, 404, 403);
        Call decideMessage = new Call("POST", "/api/notices/0/messages/0/decision", login -> Map.of("resend", false));
        expect(rows, decideMessage, 404, 404, 404, 404, 404, 403);
        Call noticeHistory = new Call("GET", "/api/customers/{own}/notices", null);
        expect(rows, noticeHistory, 200, 200, 200, 200, 200, 200);
        rows.add(Arguments.of(MANAGER, new Call("GET", "/api/customers/{other}/notices", null), 404));
        rows.add(Arguments.of(CUSTOMER, new Call("GET", "/api/customers/{other}/notices", null), 404));
        Call inbox = new Call("GET", "/api/inbox", null);
        expect(rows, inbox, 200, 200, 200, 200, 200, 200);
        // billing: bills of the unit for schedulers and supervisors; an empty import is refused before reading
        Call bills = new Call("GET", "/api/billing/bills", null);
        expect(rows, bills, 200, 200, 200, 403, 200, 403);
        expect(rows, new Call("GET", "/api/billing/customers/{own}/bills", null), 200, 200, 200, 200, 200, 200);
        rows.add(Arguments.of(CUSTOMER, new Call("GET", "/api/billing/customers/{other}/bills", null), 404));
        Call balance = new Call("POST", "/api/billing/customers/{own}/balance", login -> Map.of("balance", 1));
        expect(rows, balance, 200, 200, 200, 403, 200, 403);

        // energy-audit reports: everyone lists what they may see; another customer's report is absent
        Call reports = new Call("GET", "/api/reports", null);
        expect(rows, reports, 200, 200, 200, 200, 200, 200);
        for (String file : List.of("", "/xlsx", "/docx")) {
            rows.add(Arguments.of(CUSTOMER, new Call("GET", "/api/reports/{ownReport}" + file, null), 200));
            rows.add(Arguments.of(ADMIN, new Call("GET", "/api/reports/{ownReport}" + file, null), 200));
            rows.add(Arguments.of(CUSTOMER, new Call("GET", "/api/reports/{otherReport}" + file, null), 404));
            rows.add(Arguments.of(MANAGER, new Call("GET", "/api/reports/{otherReport}" + file, null), 404));
        }
        rows.add(Arguments.of(STATION_SUPERVISOR, new Call("GET", "/api/reports/{otherReport}", null), 404));
        // a report month in the future: who may issue gets as far as validation (422) and nothing is made
        Call issueReport = new Call("POST", "/api/customers/{own}/reports", login -> Map.of("month", "2199-01"));
        expect(rows, issueReport, 422, 422, 422, 422, 403, 403);
        rows.add(Arguments.of(MANAGER, new Call("POST", "/api/customers/{other}/reports",
                login -> Map.of("month", "2011-02")), 404));
        rows.add(Arguments.of(ANONYMOUS, reports, 401));
        rows.add(Arguments.of(ANONYMOUS, new Call("GET", "/api/reports/1/xlsx", null), 401));
        // outages: everyone signed in lists what they may see; planners register and change (an empty draft or an
        // absent outage stops them at validation or 404); supervisors release; compliance for planners
        Call outages = new Call("GET", "/api/outages", null);
        expect(rows, outages, 200, 200, 200, 200, 200, 200);
        expect(rows, new Call("GET", "/api/outages/0", null), 404, 404, 404, 404, 404, 404);
        expect(rows, new Call("GET", "/api/outages/0/customers", null), 404, 404, 404, 404, 404, 404);
        expect(rows, new Call("GET", "/api/outages/0/messages", null), 404, 404, 404, 404, 404, 404);
        expect(rows, new Call("POST", "/api/outages", login -> Map.of()), 422, 422, 422, 403, 422, 403);
        expect(rows, new Call("PUT", "/api/outages/0", login -> Map.of()), 404, 404, 404, 403, 404, 403);
        expect(rows, new Call("POST", "/api/outages/0/cancel", login -> Map.of("reason", "矩阵测试")),
                404, 404, 404, 403, 404, 403);
        expect(rows, new Call("POST", "/api/outages/0/release", login -> Map.of("reason", "矩阵测试")),
                404, 404, 404, 403, 403, 403);
        Call outageCompliance = new Call("GET", "/api/outages/compliance", null);
        expect(rows, outageCompliance, 200, 200, 200, 403, 200, 403);
        expect(rows, new Call("GET", "/api/outages/mine", null), 403, 403, 403, 403, 403, 200);
        expect(rows, new Call("GET", "/api/critical-periods?customerId={own}", null),
                200, 200, 200, 200, 200, 200);
        rows.add(Arguments.of(MANAGER, new Call("GET", "/api/critical-periods?customerId={other}", null), 404));
        expect(rows, new Call("POST", "/api/critical-periods", login -> Map.of("customerId",
                Api.visibleCustomerIds(login).getFirst(), "reason", "")), 422, 422, 422, 422, 403, 403);
        expect(rows, new Call("DELETE", "/api/critical-periods/0", null), 404, 404, 404, 404, 403, 403);
        rows.add(Arguments.of(ANONYMOUS, outages, 401));
        rows.add(Arguments.of(ANONYMOUS, outageCompliance, 401));

        for (Call call : List.of(list, readOwn, contacts, history, me, update, create, reassign, energy, tariffs,
                loadCurve, profile, upload, putProfile,
                scheduleNotice, notices, retryMessage, decideMessage, noticeHistory, inbox, bills,
                new Call("GET", "/api/managers", null), new Call("GET", "/api/units", null),
                new Call("GET", "/api/users", null), new Call("GET", "/api/visits", null),
                new Call("POST", "/api/visit-plan", null), new Call("GET", "/api/visit-compliance", null))) {
            rows.add(Arguments.of(ANONYMOUS, call, 401));
        }
        return rows.stream();
    }

    /** One row per role, in the order of {@link #ROLES}. */
    private static void expect(List<Arguments> rows, Call call, int... statuses) {
        for (int i = 0; i < ROLES.size(); i++) {
            rows.add(Arguments.of(ROLES.get(i), call, statuses[i]));
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("matrix")
    void each_role_gets_the_expected_status_from_each_endpoint(Login login, Call call, int expected) {
        String path = call.path();
        if (path.contains("{own}")) {
            path = path.replace("{own}", String.valueOf(Api.visibleCustomerIds(login == null ? ADMIN : login)
                    .getFirst()));
        }
        if (path.contains("{other}")) {
            path = path.replace("{other}", String.valueOf(Api.hiddenCustomerId(login)));
        }
        if (path.contains("{ownVisit}")) {
            path = path.replace("{ownVisit}", String.valueOf(ownOpenVisit(login == null ? ADMIN : login)));
        }
        if (path.contains("{otherVisit}")) {
            path = path.replace("{otherVisit}", String.valueOf(visitOf(ADMIN, Api.hiddenCustomerId(login))));
        }
        if (path.contains("{ownReport}")) {
            path = path.replace("{ownReport}", String.valueOf(reportOf(Api.visibleCustomerIds(CUSTOMER).getFirst())));
        }
        if (path.contains("{otherReport}")) {
            path = path.replace("{otherReport}", String.valueOf(reportOf(Api.hiddenCustomerId(login))));
        }
        RequestSpecification request = Api.as(login);
        if (call.body() != null) {
            Object body = call.body().apply(login == null ? ADMIN : login);
            if (body instanceof byte[] bytes) {
                request.contentType("text/csv").body(bytes);
            } else {
                request.body(body);
            }
        }
        request.request(call.method(), path).then().statusCode(expected);
    }

    private static final Map<Long, Long> REPORTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A report of the customer, issued once by the administrator over a day of readings imported for it. */
    private static long reportOf(long customerId) {
        return REPORTS.computeIfAbsent(customerId, id -> {
            StringBuilder csv = new StringBuilder("meter,time,kwh,kvarh\n");
            String meter = Api.unique("MXR");
            for (int k = 1; k <= 96; k++) {
                csv.append(meter).append(",2011-02-01 ").append(k == 96 ? "24:00" : String.format("%02d:%02d",
                        k * 15 / 60, k * 15 % 60)).append(",10,5\n");
            }
            Api.as(ADMIN).contentType("text/csv").queryParam("file", "matrix.csv").body(csv.toString())
                    .post("/api/customers/{id}/energy/readings", id).then().statusCode(200);
            return Api.as(ADMIN).body(Map.of("month", "2011-02", "notifyCustomer", false))
                    .post("/api/customers/{id}/reports", id).then().statusCode(201).extract().jsonPath().getLong("id");
        });
    }

    private static Object unchangedOwnCustomer(Login login) {
        return Api.draftOf(Api.customer(ADMIN, Api.visibleCustomerIds(login).getFirst()));
    }

    private static Object unchangedOther(Login login) {
        return Api.draftOf(Api.customer(ADMIN, Api.hiddenCustomerId(login)));
    }

    /** An upcoming open visit the caller may see. */
    private static long ownOpenVisit(Login login) {
        return Api.as(login).queryParam("show", "OPEN").queryParam("from", java.time.LocalDate.now(
                        java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString()).queryParam("size", 1)
                .get("/api/visits").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    private static long visitOf(Login login, long customerId) {
        return Api.as(login).queryParam("customerId", customerId).queryParam("size", 1).get("/api/visits")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    private static long countyId() {
        return Api.as(SUPERVISOR).get("/api/me").then().statusCode(200).extract().jsonPath().getLong("unitId");
    }
}
