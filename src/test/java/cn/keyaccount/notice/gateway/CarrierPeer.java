package cn.keyaccount.notice.gateway;

import com.zx.sms.BaseMessage;
import com.zx.sms.common.GlobalConstance;
import com.zx.sms.common.util.ChannelUtil;
import com.zx.sms.connect.manager.EndpointConnector;
import com.zx.sms.connect.manager.EndpointEntity;
import com.zx.sms.connect.manager.EndpointManager;
import com.zx.sms.handler.api.AbstractBusinessHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the SGIP and SMGP gateways on loopback share ({@link SgipPeer}, {@link SmgpPeer}: the server sides of SMSGate
 * with a small answering rule of ours on top): the rule's knobs (a delay, carrier error codes per handset, silence)
 * and the counts a test reads — parts as they came, and messages as the handset gets them, put together from their
 * parts by the library (a message counted twice was sent twice).
 */
public abstract class CarrierPeer implements AutoCloseable {

    public final int port;
    /** Submit answers wait this long (a slow gateway). */
    public volatile long answerDelayMillis;
    /** Handsets whose submits are refused with this result code. */
    public final Map<String, Integer> refuse = new ConcurrentHashMap<>();
    /** Submits not answered at all (a gateway that takes the submit and never answers). */
    public volatile boolean silent;
    private final Map<String, List<String>> whole = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> partsByHandset = new ConcurrentHashMap<>();

    CarrierPeer(int port) {
        this.port = port;
    }

    /** Messages (put together from their parts) this gateway took for the handset. */
    public int messagesTo(String mobile) {
        return textsTo(mobile).size();
    }

    /** Parts submitted for the handset, as they came. */
    public int partsTo(String mobile) {
        AtomicInteger n = partsByHandset.get(CarrierGateway.national(mobile));
        return n == null ? 0 : n.get();
    }

    /** The texts the handset gets, each put together from its parts. */
    public List<String> textsTo(String mobile) {
        return whole.getOrDefault(CarrierGateway.national(mobile), List.of());
    }

    private void arrived(String mobile, String text) {
        whole.computeIfAbsent(CarrierGateway.national(mobile), k -> new CopyOnWriteArrayList<>()).add(text);
    }

    /** Closes every connection the SP holds to this gateway (it connects again by itself). */
    public abstract void dropLinks();

    /** A customer's message to the SP's source number, split by the library if long. */
    public abstract void reply(String fromMobile, String toNumber, String text);

    static void drop(EndpointEntity child) {
        EndpointConnector<?> c = child.getSingletonConnector();
        if (c != null) {
            for (Channel ch : c.getallChannel()) {
                ch.close().awaitUninterruptibly();
            }
        }
    }

    /** The listener binds asynchronously (and a port just closed may take a moment): opened again until it listens. */
    static void listen(EndpointEntity server, int port) {
        EndpointManager.INS.openEndpoint(server);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                EndpointManager.INS.close(server);
                EndpointManager.INS.openEndpoint(server);
            }
        }
        throw new IllegalStateException("the gateway on loopback does not listen on " + port);
    }

    static final AtomicInteger IDS = new AtomicInteger();

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The handset a submit (a part, or a whole message) is for; null when the message is no submit. */
    abstract String destination(Object submit);

    /** The text of a submit (of a whole message once the library put its parts together). */
    abstract String text(Object submit);

    /** The answer to a submitted part with this result code. */
    abstract Object answer(Object part, int result);

    /** Sends the status report of an accepted part (when it asked for one). */
    abstract void report(Object part, Object answer);

    /** Answers one submitted part by the rule above (after the delay, refused for some handsets, or not at all). */
    private void answerPart(ChannelHandlerContext ctx, Object msg) {
        String dest = destination(msg);
        if (dest == null) {
            return;
        }
        partsByHandset.computeIfAbsent(CarrierGateway.national(dest), k -> new AtomicInteger()).incrementAndGet();
        if (silent) {
            return;
        }
        Integer refused = refuse.get(CarrierGateway.national(dest));
        Object answer = answer(msg, refused == null ? 0 : refused);
        later(ctx, () -> {
            ctx.channel().writeAndFlush(answer);
            if (refused == null) {
                ctx.executor().schedule(() -> report(msg, answer), 5, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** Writes a message the library splits when long; fails when the link it goes on is down. */
    static void write(EndpointEntity entity, BaseMessage msg) {
        try {
            if (ChannelUtil.syncWriteLongMsgToEntity(entity, msg) == null) {
                throw new IllegalStateException("the link of " + entity.getId() + " is down");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers each part before the library's session handler; counts whole messages at the end of the pipeline. */
    @ChannelHandler.Sharable
    final class Installer extends AbstractBusinessHandler {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().addBefore(GlobalConstance.sessionStateManager, "peerAnswers",
                    new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext c, Object msg) {
                            answerPart(c, msg);
                            c.fireChannelRead(msg);
                        }
                    });
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            String dest = destination(msg);
            if (dest != null) {
                arrived(dest, text(msg));
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public String name() {
            return "peerInstaller";
        }
    }

    /** Runs the answer now, or after the delay on the channel's executor (a slow gateway). */
    void later(ChannelHandlerContext ctx, Runnable answer) {
        if (answerDelayMillis > 0) {
            ctx.executor().schedule(answer, answerDelayMillis, TimeUnit.MILLISECONDS);
        } else {
            answer.run();
        }
    }
}
