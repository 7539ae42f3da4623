package it.pecgateway.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * What {@code /health} reports (liveness): up when every registered check passes. Only conditions a restart would
 * cure belong here (deadlocked threads); a store or listener that is down makes the node not ready
 * ({@link Readiness}), not dead.
 */
public final class Health {
    private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();

    public void register(String name, BooleanSupplier check) {
        checks.put(name, check);
    }

    /** Each check's result by name; a check that throws is down. */
    public Map<String, Boolean> results() {
        Map<String, Boolean> results = new LinkedHashMap<>();
        checks.keySet().stream().sorted().forEach(name -> results.put(name, passes(checks.get(name))));
        return results;
    }

    private static boolean passes(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
