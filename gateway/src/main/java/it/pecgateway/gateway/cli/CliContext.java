package it.pecgateway.gateway.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a command may touch of the outside world, so that tests run commands in-process with their own directory
 * and streams.
 *
 * @param workingDir the caller's current directory: {@code ./pec-gateway.yaml} and the development {@code ./data}
 */
public record CliContext(Path workingDir, InputStream in, PrintWriter out, PrintWriter err, Clock clock) {

    public static CliContext system() {
        return new CliContext(Path.of("").toAbsolutePath(), System.in,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                Clock.systemUTC());
    }
}
