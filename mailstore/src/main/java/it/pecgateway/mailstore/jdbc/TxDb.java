package it.pecgateway.mailstore.jdbc;

/** Reads and writes inside one transaction that is already open (the session of {@code inTransaction}). */
public final class TxDb implements Db {
    private final Tx tx;

    public TxDb(Tx tx) {
        this.tx = tx;
    }

    @Override
    public <T> T read(SqlWork<T> work) {
        return Errors.call(work, tx);
    }

    @Override
    public <T> T write(SqlWork<T> work) {
        return Errors.call(work, tx);
    }
}
