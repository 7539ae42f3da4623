package it.pecgateway.access;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Counts open connections per remote address and logged-in sessions per mailbox, against their caps. */
public final class ConnectionGate {
    private final int perAddress;
    private final int perUser;
    private final ConcurrentMap<InetAddress, Integer> byAddress = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Integer> byMailbox = new ConcurrentHashMap<>();

    public ConnectionGate(int perAddress, int perUser) {
        this.perAddress = perAddress;
        this.perUser = perUser;
    }

    /** True when the connection may proceed; then {@link #disconnected} must follow. */
    public boolean connected(InetAddress address) {
        return acquire(byAddress, address, perAddress);
    }

    public void disconnected(InetAddress address) {
        release(byAddress, address);
    }

    /** True when the mailbox may have one more session; then {@link #loggedOut} must follow. */
    public boolean loggedIn(long mailboxId) {
        return acquire(byMailbox, mailboxId, perUser);
    }

    public void loggedOut(long mailboxId) {
        release(byMailbox, mailboxId);
    }

    private static <K> boolean acquire(ConcurrentMap<K, Integer> counts, K key, int cap) {
        boolean[] granted = {false};
        counts.compute(key, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= cap) {
                return n;
            }
            granted[0] = true;
            return current + 1;
        });
        return granted[0];
    }

    private static <K> void release(ConcurrentMap<K, Integer> counts, K key) {
        counts.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }
}
