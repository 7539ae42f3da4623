package it.pecgateway.mailstore.jdbc;

/**
 * Removal of old rows in transactions of at most {@link #BATCH} rows each: a purge of a day's worth of rows at
 * a few hundred messages a second would otherwise hold the single writer (and every sender waiting on it) for
 * seconds.
 */
final class Purge {
    static final int BATCH = 10_000;

    private Purge() {
    }

    /**
     * Runs {@code batch} (which removes at most {@link #BATCH} rows and returns how many) as one write after the
     * other until one removes fewer; returns the total removed.
     */
    static long inBatches(Db db, SqlWork<Integer> batch) {
        long removed = 0;
        int last;
        do {
            last = db.write(batch);
            removed += last;
        } while (last == BATCH);
        return removed;
    }
}
