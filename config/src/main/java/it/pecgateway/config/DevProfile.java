package it.pecgateway.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The configuration of {@code serve --dev}: loopback only, unprivileged ports, PEC domain {@code pec.localhost},
 * embedded storage under {@code ./data}. It is a YAML resource read by the same loader as any file, so it gets the
 * same defaults and the same validation.
 */
public final class DevProfile {
    static final String RESOURCE = "dev-profile.yaml";

    private DevProfile() {
    }

    /** @param workingDir the directory {@code ./data} is relative to (the caller's current directory) */
    public static GatewayConfig config(Path workingDir) {
        return ConfigLoader.parse(yaml(), workingDir, "development profile");
    }

    static String yaml() {
        try (InputStream in = DevProfile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
