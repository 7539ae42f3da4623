package it.pecgateway.gateway.metrics;

import io.micrometer.core.instrument.Timer;
import it.pecgateway.mailstore.MailStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;

/**
 * The store with its multi-operation transactions ({@link MailStore#inTransaction}) timed, from the call to the
 * durable commit, waiting for the writer included (that wait is what a caller feels). A dynamic proxy rather than
 * a hand-written decorator: the store contract belongs to the mailstore module and grows, and a decorator here
 * would stop compiling at each new method; every other call passes straight through.
 */
final class TimedStore {
    private TimedStore() {
    }

    static MailStore of(MailStore store, Timer transactions) {
        return (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(), new Class<?>[] {MailStore.class},
                (proxy, method, args) -> {
                    boolean timed = method.getName().equals("inTransaction");
                    long start = timed ? System.nanoTime() : 0;
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (timed) {
                            transactions.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                        }
                    }
                });
    }
}
