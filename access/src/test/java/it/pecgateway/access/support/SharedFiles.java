package it.pecgateway.access.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the real PEC fixtures: the repository's own copy (kept with the receipts tests, so a clean clone has it),
 * else the team's shared/ directory beside or above the clone.
 */
public final class SharedFiles {
    private static final List<String> CANDIDATES = List.of("receipts/src/test/resources/real", "shared/fixtures/real");

    private SharedFiles() {
    }

    public static Path realFixtures() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (String candidate : CANDIDATES) {
                Path fixtures = dir.resolve(candidate);
                if (Files.isDirectory(fixtures)) {
                    return fixtures;
                }
            }
        }
        throw new AssertionError("the real PEC fixtures were found neither in the repository (" + CANDIDATES.get(0)
                + ") nor in shared/fixtures/real beside it: the byte-exactness tests need them");
    }
}
