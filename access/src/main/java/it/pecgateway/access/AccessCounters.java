package it.pecgateway.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** In-memory counters behind {@link AccessMetrics}: tests read them, the gateway may export them. */
public final class AccessCounters implements AccessMetrics {
    private final Map<Protocol, LongAdder> opened = adders(Protocol.class);
    private final Map<Protocol, LongAdder> open = adders(Protocol.class);
    private final Map<Protocol, LongAdder> logins = adders(Protocol.class);
    private final Map<Protocol, LongAdder> internalErrors = adders(Protocol.class);
    private final Map<Protocol, Map<LoginFailure, LongAdder>> loginFailures = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Map<Refusal, LongAdder>> refusals = new EnumMap<>(Protocol.class);
    private final Map<Protocol, Map<Outcome, LongAdder>> commands = new EnumMap<>(Protocol.class);
    private final Map<Protocol, LongAdder> tlsFailures = adders(Protocol.class);

    public AccessCounters() {
        for (Protocol p : Protocol.values()) {
            loginFailures.put(p, adders(LoginFailure.class));
            refusals.put(p, adders(Refusal.class));
            commands.put(p, adders(Outcome.class));
        }
    }

    private static <E extends Enum<E>> Map<E, LongAdder> adders(Class<E> type) {
        Map<E, LongAdder> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, new LongAdder());
        }
        return map;
    }

    @Override
    public void connectionOpened(Protocol protocol) {
        opened.get(protocol).increment();
        open.get(protocol).increment();
    }

    @Override
    public void connectionClosed(Protocol protocol) {
        open.get(protocol).decrement();
    }

    @Override
    public void refused(Protocol protocol, Refusal refusal) {
        refusals.get(protocol).get(refusal).increment();
    }

    @Override
    public void loginSucceeded(Protocol protocol) {
        logins.get(protocol).increment();
    }

    @Override
    public void loginFailed(Protocol protocol, LoginFailure failure) {
        loginFailures.get(protocol).get(failure).increment();
    }

    @Override
    public void internalError(Protocol protocol) {
        internalErrors.get(protocol).increment();
    }

    @Override
    public void commandCompleted(Protocol protocol, Outcome outcome) {
        commands.get(protocol).get(outcome).increment();
    }

    @Override
    public void tlsHandshakeFailed(Protocol protocol) {
        tlsFailures.get(protocol).increment();
    }

    public long commands(Protocol protocol, Outcome outcome) {
        return commands.get(protocol).get(outcome).sum();
    }

    public long tlsHandshakeFailures(Protocol protocol) {
        return tlsFailures.get(protocol).sum();
    }

    public long connectionsOpened(Protocol protocol) {
        return opened.get(protocol).sum();
    }

    public long openConnections(Protocol protocol) {
        return open.get(protocol).sum();
    }

    public long loginsSucceeded(Protocol protocol) {
        return logins.get(protocol).sum();
    }

    public long loginsFailed(Protocol protocol, LoginFailure failure) {
        return loginFailures.get(protocol).get(failure).sum();
    }

    public long refusals(Protocol protocol, Refusal refusal) {
        return refusals.get(protocol).get(refusal).sum();
    }

    public long internalErrors(Protocol protocol) {
        return internalErrors.get(protocol).sum();
    }
}
