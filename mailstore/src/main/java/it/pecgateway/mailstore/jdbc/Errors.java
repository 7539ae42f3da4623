package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.MailStoreException;
import it.pecgateway.mailstore.MailStoreException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/** Turns database and disk failures into {@link MailStoreException} in one place. */
public final class Errors {
    private Errors() {
    }

    public static <T> T call(SqlWork<T> work, Tx tx) {
        try {
            return work.run(tx);
        } catch (SQLException e) {
            throw unavailable(e);
        } catch (IOException e) {
            throw unavailable(e);
        } catch (UncheckedIOException e) {
            throw unavailable(e.getCause());
        }
    }

    public static MailStoreException unavailable(Exception cause) {
        // SQL text and values never go into the message: they may hold addresses or hashes
        return new MailStoreException(Reason.UNAVAILABLE, "storage failure: " + cause.getClass().getSimpleName(), cause);
    }

    public static MailStoreException notFound(String what) {
        return new MailStoreException(Reason.NOT_FOUND, what + " not found");
    }

    public static MailStoreException invalid(String why) {
        return new MailStoreException(Reason.INVALID, why);
    }
}
