package it.pecgateway.mailstore.sqlite;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.jdbc.BlobStore;
import it.pecgateway.mailstore.jdbc.Db;
import it.pecgateway.mailstore.jdbc.Errors;
import it.pecgateway.mailstore.jdbc.Sql;
import it.pecgateway.mailstore.jdbc.Tx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bodies as immutable files {@code blobs/<xx>/<id>} (xx = low byte of the id in hex, 256 directories made once).
 * A body is written to {@code <id>.tmp}, synced, renamed and its directory synced, all before the transaction
 * that refers to it is queued: a committed reference always finds its file. Files nothing refers to (a crash
 * between the rename and the commit, a refused write) are removed when the store opens.
 */
public final class FileBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileBlobStore.class);
    private static final String REFERENCED = "SELECT blob_id FROM messages UNION SELECT blob_id FROM queue WHERE state <> 'DONE'";
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final AtomicLong nextId;

    private FileBlobStore(Path root, long nextId) {
        this.root = root;
        this.nextId = new AtomicLong(nextId);
    }

    /** Opens the blob directory, removing what no committed row refers to. No write may be running. */
    static FileBlobStore open(Path root, Connection c) throws IOException, SQLException {
        Files.createDirectories(root);
        for (int i = 0; i < 256; i++) {
            Path shard = root.resolve(String.format("%02x", i));
            if (!Files.isDirectory(shard)) {
                Files.createDirectories(shard);
            }
        }
        fsyncDirectory(root); // one sync makes all new shard directories durable
        fsyncDirectory(root.getParent());
        long[] referenced = Sql.list(c, REFERENCED, rs -> rs.getLong(1)).stream().mapToLong(Long::longValue).sorted().toArray();
        long max = referenced.length == 0 ? 0 : referenced[referenced.length - 1];
        int removed = 0;
        for (int i = 0; i < 256; i++) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(root.resolve(String.format("%02x", i)))) {
                for (Path f : files) {
                    String name = f.getFileName().toString();
                    long id = name.endsWith(".tmp") ? -1 : parseId(name);
                    if (id > 0 && Arrays.binarySearch(referenced, id) >= 0) {
                        continue;
                    }
                    max = Math.max(max, id);
                    Files.deleteIfExists(f);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            LOG.info("removed {} message body files that no message or queue entry refers to", removed);
        }
        return new FileBlobStore(root, max + 1);
    }

    private static long parseId(String name) {
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public boolean outsideTransaction() {
        return true;
    }

    @Override
    public BlobId put(Db db, BodySource source) {
        long id = nextId.getAndIncrement();
        Path file = file(id);
        Path tmp = file.resolveSibling(id + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 InputStream in = source.open()) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    ByteBuffer bb = ByteBuffer.wrap(buffer, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                }
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(file.getParent());
            return new BlobId(id);
        } catch (IOException | UncheckedIOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the sweep at the next start removes it
            }
            throw Errors.unavailable(e instanceof UncheckedIOException u ? u.getCause() : (Exception) e);
        }
    }

    @Override
    public InputStream open(Db db, BlobId id) {
        try {
            return Files.newInputStream(file(id.value()));
        } catch (NoSuchFileException e) {
            throw Errors.notFound("message body");
        } catch (IOException e) {
            throw Errors.unavailable(e);
        }
    }

    @Override
    public long size(Db db, BlobId id) {
        try {
            return Files.size(file(id.value()));
        } catch (NoSuchFileException e) {
            throw Errors.notFound("message body");
        } catch (IOException e) {
            throw Errors.unavailable(e);
        }
    }

    @Override
    public long sizeForReference(Tx tx, long blobId) {
        // references are only added on the writer thread, which is also the only one removing files: no race
        return size(null, new BlobId(blobId));
    }

    @Override
    public void discard(BlobId id) {
        try {
            Files.deleteIfExists(file(id.value()));
        } catch (IOException e) {
            LOG.warn("could not remove an unreferenced message body; the next start will", e);
        }
    }

    /** After a commit, on the writer thread: removes the released bodies that nothing refers to any more. */
    void collect(Connection c, Collection<Long> released) throws SQLException {
        for (long id : new TreeSet<>(released)) {
            boolean used = Sql.one(c, "SELECT 1 FROM messages WHERE blob_id = ? UNION ALL"
                    + " SELECT 1 FROM queue WHERE blob_id = ? AND state <> 'DONE' LIMIT 1", rs -> 1, id, id).isPresent();
            if (!used) {
                discard(new BlobId(id));
            }
        }
    }

    private Path file(long id) {
        return root.resolve(String.format("%02x", id & 0xff)).resolve(Long.toString(id));
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
