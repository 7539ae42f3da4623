package it.pecgateway.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** What {@code /health} reports: up when every registered check passes (the store, later the queue workers). */
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
