package it.pecgateway.gateway.pec;

import it.pecgateway.config.AntivirusConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A gateway node as a child process for the crash test: {@code <dataDir> <statusFile>}. It writes its SMTPS port,
 * then the number of pending queue entries every 100 ms, to the status file; SIGKILL ends it abruptly, SIGTERM
 * closes it (shutdown hook).
 */
public final class CrashNodeMain {
    private CrashNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path status = Path.of(args[1]);
        PecNode node = new PecNode(dataDir, "A", "pec.a.example", Map.of(), PecNode.defaultTimers(), 0,
                new AntivirusConfig(false, "127.0.0.1", 3310, Duration.ofSeconds(5)));
        node.start(List.of());
        node.mailbox("mario@pec.a.example", CrashTest.PASSWORD);
        node.mailbox("anna@pec.a.example", CrashTest.PASSWORD);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        while (true) {
            Path tmp = status.resolveSibling(status.getFileName() + ".tmp");
            Files.writeString(tmp, node.smtps() + " " + node.store.queue().stats().pending() + "\n");
            Files.move(tmp, status, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(100);
        }
    }
}
