package cn.keyaccount.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the throwaway PostgreSQL for every Quarkus test in the run. */
@QuarkusTestResource(TestDatabase.class)
public final class TestResources {

    private TestResources() {
    }
}
