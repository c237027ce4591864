package cn.keyaccount.notice.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zx.sms.connect.manager.EndpointConnector;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * SMSGate's connector reads the size of its channel list and then an element of it, so asking it for a channel while
 * the link closes can throw instead of answering none. That is a link going down, not an error: it once failed a
 * readiness check and could have failed a message for good as "could not be encoded".
 */
class CarrierGatewayConnectedTest {

    @Test
    void a_link_closing_while_the_library_picks_its_channel_counts_as_down() {
        assertFalse(CarrierGateway.connected(connector(() -> {
            throw new IndexOutOfBoundsException("Index 0 out of bounds for length 0");
        })));
    }

    @Test
    void a_channel_or_none_answers_up_or_down() {
        assertTrue(CarrierGateway.connected(connector(EmbeddedChannel::new)));
        assertFalse(CarrierGateway.connected(connector(() -> null)));
        assertFalse(CarrierGateway.connected(null));
    }

    @Test
    void any_other_failure_of_the_library_is_not_hidden() {
        assertThrows(IllegalStateException.class,
                () -> CarrierGateway.connected(connector(() -> {
                    throw new IllegalStateException("a bug of its own");
                })));
    }

    /** A connector whose {@code fetch()} answers as given; nothing else of it is used. */
    private static EndpointConnector<?> connector(Supplier<Channel> fetch) {
        return (EndpointConnector<?>) Proxy.newProxyInstance(CarrierGatewayConnectedTest.class.getClassLoader(),
                new Class<?>[] {EndpointConnector.class}, (proxy, method, args) -> {
                    if (method.getName().equals("fetch")) {
                        return fetch.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
