package cn.keyaccount.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the throwaway PostgreSQL and the notice channels' loopback ports for every Quarkus test in the run. */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(NoticeTestPorts.class)
public final class TestResources {

    private TestResources() {
    }
}
