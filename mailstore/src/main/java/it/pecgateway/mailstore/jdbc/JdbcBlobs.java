package it.pecgateway.mailstore.jdbc;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.Blobs;
import it.pecgateway.mailstore.BodySource;
import java.io.InputStream;

final class JdbcBlobs implements Blobs {
    private final Db db;
    private final BlobStore store;

    JdbcBlobs(Db db, BlobStore store) {
        this.db = db;
        this.store = store;
    }

    @Override
    public BlobId put(BodySource source) {
        return store.put(db, source);
    }

    @Override
    public InputStream open(BlobId id) {
        return store.open(db, id);
    }

    @Override
    public long size(BlobId id) {
        return store.size(db, id);
    }
}
