package it.pecgateway.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code /ready} reports: ready to take traffic when no registered check finds a problem. Unlike
 * {@link Health} (is the process alive?), a failing check here means "send traffic elsewhere for now", not
 * "restart me". A problem is a few words naming what is wrong: never a secret, never a stack trace.
 */
public final class Readiness {

    /** One readiness condition: empty when met, else what is wrong. */
    @FunctionalInterface
    public interface Check {
        Optional<String> problem();
    }

    private final Map<String, Check> checks = new ConcurrentHashMap<>();

    public void register(String name, Check check) {
        checks.put(name, check);
    }

    /** Each check's problem by name, sorted; a check that throws reports its exception's class only. */
    public SortedMap<String, Optional<String>> problems() {
        SortedMap<String, Optional<String>> results = new TreeMap<>();
        checks.forEach((name, check) -> results.put(name, run(check)));
        return results;
    }

    private static Optional<String> run(Check check) {
        try {
            return check.problem();
        } catch (RuntimeException e) {
            return Optional.of("check failed (" + e.getClass().getSimpleName() + ")");
        }
    }
}
