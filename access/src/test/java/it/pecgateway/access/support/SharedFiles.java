package it.pecgateway.access.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the team's shared/ directory (beside the clone in CI, /work/shared on developer machines). */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path realFixtures() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/real");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared/fixtures/real not found beside the repository or above it: "
                + "the byte-exactness tests need the real PEC fixtures");
    }
}
