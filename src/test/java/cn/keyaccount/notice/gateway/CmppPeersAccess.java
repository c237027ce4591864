package cn.keyaccount.notice.gateway;

import io.quarkus.arc.Arc;

/** The CMPP gateways of {@link CmppProfile} for tests outside this package. */
public final class CmppPeersAccess {

    private CmppPeersAccess() {
    }

    public static void start() {
        CmppPeers.primary();
        CmppPeers.backup();
    }

    public static CmppPeer primary() {
        return CmppPeers.primary();
    }

    public static CmppPeer backup() {
        return CmppPeers.backup();
    }

    /** Both accounts logged in. */
    public static void awaitUp() {
        CmppPeers peers = Arc.container().instance(CmppPeers.class).get();
        peers.awaitUp("cmcc");
        peers.awaitUp("backup");
    }
}
