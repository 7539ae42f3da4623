package it.pecgateway.gateway.cli;

import it.pecgateway.gateway.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** Runs {@code pec-gateway} commands in-process in a given directory, capturing both streams. */
public final class Cli {
    public record Result(int status, String out, String err) { }

    private final Path workingDir;

    public Cli(Path workingDir) {
        this.workingDir = workingDir;
    }

    public Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(workingDir, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC());
        int status = Main.run(args, context);
        return new Result(status, out.toString(), err.toString());
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }
}
