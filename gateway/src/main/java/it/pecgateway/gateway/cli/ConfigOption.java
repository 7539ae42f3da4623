package it.pecgateway.gateway.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by every command. */
public final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "the YAML configuration (default: ./pec-gateway.yaml when present)")
    Path file;

    Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
