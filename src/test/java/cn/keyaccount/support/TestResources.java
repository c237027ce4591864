package cn.keyaccount.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the throwaway PostgreSQL, the notice channels' loopback ports and the management interface's port for every
 * Quarkus test in the run.
 */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(NoticeTestPorts.class)
@QuarkusTestResource(ManagementTestPort.class)
public final class TestResources {

    private TestResources() {
    }
}
