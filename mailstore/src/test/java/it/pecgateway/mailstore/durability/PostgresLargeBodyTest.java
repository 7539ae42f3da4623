package it.pecgateway.mailstore.durability;

import it.pecgateway.mailstore.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;

class PostgresLargeBodyTest extends LargeBodyContract {
    @AfterAll
    static void stopServer() {
        PostgresServer.stop();
    }

    @Override
    protected String emptyStoreSpec() {
        return "postgres:" + PostgresServer.emptyDatabase();
    }
}
