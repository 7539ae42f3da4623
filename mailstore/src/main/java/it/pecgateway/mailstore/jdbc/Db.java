package it.pecgateway.mailstore.jdbc;

/**
 * Where the store's operations run: each backend decides how a read and a write reach the database (a pooled
 * read connection, the group-commit writer, the caller's open transaction). Errors come out as
 * {@link it.pecgateway.mailstore.MailStoreException}.
 */
public interface Db {
    <T> T read(SqlWork<T> work);

    <T> T write(SqlWork<T> work);
}
