package it.pecgateway.mailstore.durability;

import it.pecgateway.mailstore.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;

/** The PostgreSQL server stays up: this proves that an acknowledgement is only given after the commit. */
class PostgresKillDurabilityTest extends KillDurabilityContract {
    @AfterAll
    static void stopServer() {
        PostgresServer.stop();
    }

    @Override
    protected String emptyStoreSpec() {
        return "postgres:" + PostgresServer.emptyDatabase();
    }
}
