package cn.keyaccount.base;

import cn.keyaccount.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A node started as an operator would with the monitoring options on: JSON logs (KEYACCOUNT_LOG_JSON=true), no demo,
 * on a database of its own that the readiness test takes away for a while.
 */
public class OperationsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("keyaccount.test.database", TestDatabase.OPERATIONS,
                "keyaccount.demo.enabled", "false",
                "keyaccount.admin.initial-password", "Betrieb#Pruefung-2026",
                "KEYACCOUNT_LOG_JSON", "true");
    }
}
