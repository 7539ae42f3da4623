package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.Gateway;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", description = "Run the gateway until SIGTERM or Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    ConfigOption config;

    @Option(names = "--dev", description = "development setup: loopback only, unprivileged ports, PEC domain pec.localhost,"
            + " data in ./data, no configuration file")
    boolean dev;

    public ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Gateway gateway = Gateway.start(ConfigResolution.forServe(config, dev, context), context.clock());
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM and Ctrl-C run the shutdown hooks: stop gracefully there. The JVM exits when the hook is done.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "pec-gateway-shutdown"));
        stopped.await();
        return 0;
    }
}
