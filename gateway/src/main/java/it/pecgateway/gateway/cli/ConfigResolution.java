package it.pecgateway.gateway.cli;

import it.pecgateway.config.ConfigException;
import it.pecgateway.config.ConfigLoader;
import it.pecgateway.config.DevProfile;
import it.pecgateway.config.GatewayConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which configuration a command uses, decided in one place: {@code --config FILE}; else {@code ./pec-gateway.yaml}
 * when present; else the development configuration, which {@code serve} takes only when asked ({@code --dev}) and
 * the administration commands take with a notice on stderr.
 */
final class ConfigResolution {
    static final String DEFAULT_FILE = "pec-gateway.yaml";

    private ConfigResolution() {
    }

    static GatewayConfig forServe(ConfigOption option, boolean dev, CliContext context) {
        if (dev) {
            if (option.file().isPresent()) {
                throw new ConfigException(List.of("--dev and --config exclude each other: --dev runs without a configuration file"));
            }
            return DevProfile.config(context.workingDir());
        }
        return file(option, context).map(ConfigLoader::load).orElseThrow(() -> new ConfigException(List.of(
                "no configuration: give --config FILE, put " + DEFAULT_FILE + " in the current directory,"
                        + " or run `pec-gateway serve --dev` for the development setup")));
    }

    static GatewayConfig forCheck(ConfigOption option, CliContext context) {
        return file(option, context).map(ConfigLoader::load).orElseThrow(() -> new ConfigException(List.of(
                "no configuration to check: give --config FILE or put " + DEFAULT_FILE + " in the current directory")));
    }

    static GatewayConfig forAdministration(ConfigOption option, CliContext context) {
        Optional<Path> file = file(option, context);
        if (file.isPresent()) {
            return ConfigLoader.load(file.get());
        }
        GatewayConfig dev = DevProfile.config(context.workingDir());
        context.err().println("pec-gateway: no --config and no ./" + DEFAULT_FILE + ": using the development configuration"
                + " (data in " + dev.dataDir() + ")");
        return dev;
    }

    /** The file to read, or empty when none is given nor present. */
    static Optional<Path> file(ConfigOption option, CliContext context) {
        if (option.file().isPresent()) {
            return Optional.of(context.workingDir().resolve(option.file().get()));
        }
        Path implicit = context.workingDir().resolve(DEFAULT_FILE);
        return Files.exists(implicit) ? Optional.of(implicit) : Optional.empty();
    }
}
