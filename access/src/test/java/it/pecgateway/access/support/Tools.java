package it.pecgateway.access.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs outside tools (openssl, curl, python3, fetchmail); a missing tool fails the test with a clear message. */
public final class Tools {
    private Tools() {
    }

    public record Result(int exit, String output) { }

    public static Path require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (p.toFile().canExecute()) {
                return p;
            }
        }
        throw new AssertionError(tool + " is not installed: install the Debian package '" + debianPackage
                + "' (CI installs it in .ci/run)");
    }

    public static Result run(Path workDir, List<String> command) {
        return run(workDir, command, null);
    }

    public static Result run(Path workDir, List<String> command, String stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile()).redirectErrorStream(true);
            pb.environment().put("HOME", workDir.toString());
            Process p = pb.start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
