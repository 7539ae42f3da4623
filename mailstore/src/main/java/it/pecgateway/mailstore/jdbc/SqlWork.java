package it.pecgateway.mailstore.jdbc;

import java.io.IOException;
import java.sql.SQLException;

/** Work on an open transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Tx tx) throws SQLException, IOException;
}
