package it.pecgateway.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A child process whose stdout and stderr are collected line by line while it runs. */
final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer out = new StringBuffer();
    private final StringBuffer err = new StringBuffer();
    private final List<Thread> pumps;

    private ChildProcess(Process process) {
        this.process = process;
        this.pumps = List.of(pump(process.getInputStream(), out), pump(process.getErrorStream(), err));
    }

    static ChildProcess start(Path workingDir, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        return new ChildProcess(builder.start());
    }

    /** Writes {@code text} to the process's standard input and closes it. */
    ChildProcess input(String text) throws IOException {
        try (var in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** The java launcher running this test, so the child uses the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Waits for a stderr line matching {@code regex}; returns its match. */
    Matcher awaitErr(String regex, Duration timeout) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = pattern.matcher(err);
            if (m.find()) {
                return m;
            }
            if (!process.isAlive() && !pattern.matcher(err).find()) {
                throw new AssertionError("the process ended with " + process.exitValue() + " before /" + regex + "/:\n" + err);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no /" + regex + "/ within " + timeout + " in:\n" + err);
    }

    /**
     * Sends SIGTERM and waits for the exit status. Through the process handle: {@code Process.destroy()} would also
     * close our ends of the pipes and lose what the process writes while it stops.
     */
    int terminate(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not end within " + timeout + ":\n" + err);
        }
        for (Thread pump : pumps) {
            pump.join(5000); // the last lines may still be on their way
        }
        return process.exitValue();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static Thread pump(java.io.InputStream stream, StringBuffer into) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    into.append(line).append('\n');
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
