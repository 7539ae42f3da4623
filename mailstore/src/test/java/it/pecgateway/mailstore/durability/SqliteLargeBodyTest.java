package it.pecgateway.mailstore.durability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteLargeBodyTest extends LargeBodyContract {
    @TempDir
    Path dir;

    @Override
    protected String emptyStoreSpec() {
        return "sqlite:" + dir;
    }
}
