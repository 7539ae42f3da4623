package it.pecgateway.mailstore.durability;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the tests in a child JVM with the same java and class path. */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static Process start(Class<?> main, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
