package cn.keyaccount.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMS centre for tests and for bench/notice-fanout, built with jSMPP: accepts transceiver binds, records every
 * submit_sm (destination, data coding, esm_class, bytes), answers with a message id and sends a delivery receipt
 * (deliver_sm) for it 20 ms later, on the link that submitted or, when that one is gone, on another bound link; a
 * receipt no link takes is kept for the next bind, as a real centre does. Per destination it can refuse submits for
 * a while (throttled, 0x58) or report a message undeliverable. It sends customers' replies (MO) with {@link #sendMo}.
 */
public final class RecordingSmsc implements ServerMessageReceiverListener {

    /** One submit_sm as received. */
    public record Submit(String messageId, String destination, byte dataCoding, byte esmClass, byte[] shortMessage) {

        public boolean concatenated() {
            return (esmClass & 0x40) != 0;
        }

        /** The text of this part, without the concatenation header. */
        public String text() {
            int skip = concatenated() ? (shortMessage[0] & 0xff) + 1 : 0;
            return new String(Arrays.copyOfRange(shortMessage, skip, shortMessage.length),
                    StandardCharsets.UTF_16BE);
        }
    }

    private final SMPPServerSessionListener listener;
    // a queue, not a copy-on-write list: the fan-out benchmark records tens of thousands of submits
    private final ConcurrentLinkedQueue<Submit> submits = new ConcurrentLinkedQueue<>();
    private final AtomicLong submitCount = new AtomicLong();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> throttled = new ConcurrentHashMap<>();
    private final Map<String, Long> slow = new ConcurrentHashMap<>();
    private final Set<String> undeliverable = ConcurrentHashMap.newKeySet();
    private final Set<String> withheld = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private final ConcurrentLinkedQueue<PendingReceipt> pendingReceipts = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService receipts = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("smsc-receipts-", 0).daemon().factory());

    /** A receipt to send: the submit's message id, destination and source, and whether it was delivered. */
    private record PendingReceipt(String id, String destination, String source, boolean delivered) {
    }

    private RecordingSmsc(SMPPServerSessionListener listener) {
        this.listener = listener;
    }

    public static RecordingSmsc start(int port) {
        try {
            SMPPServerSessionListener l = new SMPPServerSessionListener(port);
            RecordingSmsc smsc = new RecordingSmsc(l);
            l.setMessageReceiverListener(smsc);
            Thread acceptor = new Thread(smsc::acceptLoop, "test-smsc");
            acceptor.setDaemon(true);
            acceptor.start();
            return smsc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (true) {
            try {
                SMPPServerSession session = listener.accept();
                BindRequest bind = session.waitForBind(5000);
                bind.accept("test-smsc");
                sessions.add(session);
                receipts.submit(this::flushPendingReceipts);
            } catch (Exception e) {
                if (e instanceof IOException) {
                    return;
                }
            }
        }
    }

    public List<Submit> submits() {
        return List.copyOf(submits);
    }

    public long submitCount() {
        return submitCount.get();
    }

    public List<Submit> submitsTo(String destination) {
        return submits.stream().filter(s -> s.destination().equals(destination)).toList();
    }

    /** The next {@code times} submits to this destination are refused as throttled. */
    public void throttle(String destination, int times) {
        throttled.put(destination, times);
    }

    /** Submits to this destination are answered only after this wait (an SMSC slower than our response timeout). */
    public void answerSlowly(String destination, long millis) {
        slow.put(destination, millis);
    }

    public void undeliverable(String destination) {
        undeliverable.add(destination);
    }

    /** No delivery receipt for this destination, as when a handset stays off for longer than the test. */
    public void withholdReceipts(String destination) {
        withheld.add(destination);
    }

    /**
     * A customer's reply (a mobile-originated deliver_sm, esm_class default, UCS-2) from {@code from} to our number
     * {@code to}, sent on a bound link; false when no link is bound or the app refused it.
     */
    public boolean sendMo(String from, String to, String text) {
        for (SMPPServerSession link : sessions) {
            if (!link.getSessionState().isBound()) {
                continue;
            }
            try {
                link.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, new ESMClass(), (byte) 0,
                        (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance((byte) 0x08),
                        text.getBytes(StandardCharsets.UTF_16BE));
                return true;
            } catch (Exception e) {
                // a link left over from an application started earlier in the run (its peer gone, the server side
                // still bound) times out: the next link may be the running application's
                continue;
            }
        }
        return false;
    }

    /** Drops every link, as a network failure would. */
    public void dropLinks() {
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
            throws ProcessRequestException {
        String dest = submitSm.getDestAddress();
        Integer left = throttled.get(dest);
        if (left != null && left > 0) {
            throttled.put(dest, left - 1);
            throw new ProcessRequestException("throttled", 0x58);
        }
        Long wait = slow.get(dest);
        if (wait != null) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String id = Long.toHexString(ids.incrementAndGet());
        submits.add(new Submit(id, dest, submitSm.getDataCoding(), submitSm.getEsmClass(),
                submitSm.getShortMessage()));
        submitCount.incrementAndGet();
        if (submitSm.getRegisteredDelivery() != 0 && !withheld.contains(dest)) {
            PendingReceipt receipt = new PendingReceipt(id, dest, submitSm.getSourceAddr(),
                    !undeliverable.contains(dest));
            receipts.schedule(() -> sendReceipt(source, receipt), 20, TimeUnit.MILLISECONDS);
        }
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException(e.getMessage(), 0x08);
        }
    }

    /** On the submitting link while it is bound, else on any bound link, else kept for the next bind. */
    private void sendReceipt(SMPPServerSession submitter, PendingReceipt receipt) {
        List<SMPPServerSession> links = new ArrayList<>();
        if (submitter != null) {
            links.add(submitter);
        }
        links.addAll(sessions);
        for (SMPPServerSession link : links) {
            if (link.getSessionState().isBound() && deliver(link, receipt)) {
                return;
            }
            sessions.remove(link);
        }
        pendingReceipts.add(receipt);
    }

    private void flushPendingReceipts() {
        for (int n = pendingReceipts.size(); n > 0; n--) {
            PendingReceipt receipt = pendingReceipts.poll();
            if (receipt == null) {
                return;
            }
            sendReceipt(null, receipt);
        }
    }

    private static boolean deliver(SMPPServerSession link, PendingReceipt receipt) {
        DeliveryReceipt r = new DeliveryReceipt(receipt.id(), 1, receipt.delivered() ? 1 : 0, new Date(), new Date(),
                receipt.delivered() ? DeliveryReceiptState.DELIVRD : DeliveryReceiptState.UNDELIV,
                receipt.delivered() ? "000" : "001", "");
        try {
            link.deliverShortMessage("", TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, receipt.destination(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, receipt.source(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    r.toString().getBytes(StandardCharsets.US_ASCII));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                           SMPPServerSession source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("not supported", 0x03);
    }
}
