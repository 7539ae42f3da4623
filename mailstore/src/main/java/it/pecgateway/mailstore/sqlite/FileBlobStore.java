package it.pecgateway.mailstore.sqlite;

import it.pecgateway.mailstore.BlobId;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.jdbc.BlobStore;
import it.pecgateway.mailstore.jdbc.Db;
import it.pecgateway.mailstore.jdbc.Errors;
import it.pecgateway.mailstore.jdbc.PendingBodies;
import it.pecgateway.mailstore.jdbc.Sql;
import it.pecgateway.mailstore.jdbc.Tx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bodies of the embedded store. Up to {@link PendingBodies#LIMIT} bytes a body is a row of {@code inline_blobs},
 * written by the first transaction that refers to it ({@link PendingBodies}): it costs no sync of its own. A larger
 * body is an immutable file {@code blobs/<xx>/<id>} (xx = low byte of the id in hex, at most 256 directories,
 * made on first use): written to {@code <id>.tmp}, synced, renamed and its directory synced, all on the caller's thread before the transaction
 * that refers to it is queued, so a committed reference always finds its file. Bodies nothing refers to (a crash
 * between the body and the commit, a refused write) are removed when the store opens. Ids are shared by both
 * kinds and never reused while a body with that id exists.
 */
public final class FileBlobStore implements BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileBlobStore.class);
    private static final String REFERENCED =
            "SELECT blob_id FROM messages UNION SELECT blob_id FROM queue WHERE state <> 'DONE'";
    private static final int BUFFER = 64 * 1024;
    private final PendingBodies pending = new PendingBodies();
    private final java.util.Set<Path> durableShards = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final AtomicLong nextId;

    private FileBlobStore(Path root, long nextId) {
        this.root = root;
        this.nextId = new AtomicLong(nextId);
    }

    /** Opens the blob directory, removing what no committed row refers to. No write may be running. */
    static FileBlobStore open(Path root, Connection c) throws IOException, SQLException {
        Files.createDirectories(root);
        fsyncDirectory(root.getParent());
        long[] referenced = Sql.list(c, REFERENCED, rs -> rs.getLong(1)).stream().mapToLong(Long::longValue).sorted().toArray();
        long max = Math.max(referenced.length == 0 ? 0 : referenced[referenced.length - 1],
                Sql.longValue(c, "SELECT max(id) FROM inline_blobs", 0));
        int removed = Sql.update(c, "DELETE FROM inline_blobs WHERE id NOT IN (" + REFERENCED + ")");
        for (int i = 0; i < 256; i++) {
            Path shard = root.resolve(String.format("%02x", i));
            if (!Files.isDirectory(shard)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
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
            LOG.info("removed {} message bodies that no message or queue entry refers to", removed);
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
    public boolean largeBodiesOutsideTransaction() {
        return true;
    }

    @Override
    public BlobId put(Db db, BodySource source) {
        long id = nextId.getAndIncrement();
        try (InputStream in = source.open()) {
            byte[] head = in.readNBytes(PendingBodies.LIMIT + 1);
            if (head.length <= PendingBodies.LIMIT) {
                pending.add(id, head);
                return new BlobId(id);
            }
            writeFile(id, head, in);
            return new BlobId(id);
        } catch (IOException e) {
            throw Errors.unavailable(e);
        } catch (java.io.UncheckedIOException e) {
            throw Errors.unavailable(e.getCause());
        }
    }

    private void writeFile(long id, byte[] head, InputStream in) {
        Path file = file(id);
        Path tmp = file.resolveSibling(id + ".tmp");
        try {
            ensureDurableShard(file.getParent());
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeAll(out, head, head.length);
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    writeAll(out, buffer, n);
                }
                out.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(file.getParent());
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the sweep at the next start removes it
            }
            throw Errors.unavailable(e);
        }
    }

    /** A shard directory is made on first use, and its entry synced before any body in it counts. */
    private void ensureDurableShard(Path shard) throws IOException {
        if (!durableShards.contains(shard)) {
            synchronized (durableShards) {
                if (!durableShards.contains(shard)) {
                    Files.createDirectories(shard);
                    fsyncDirectory(root);
                    durableShards.add(shard);
                }
            }
        }
    }

    private static void writeAll(FileChannel out, byte[] bytes, int length) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(bytes, 0, length);
        while (bb.hasRemaining()) {
            out.write(bb);
        }
    }

    @Override
    public InputStream open(Db db, BlobId id) {
        Optional<byte[]> small = pending.get(id.value());
        if (small.isPresent()) {
            return new ByteArrayInputStream(small.get());
        }
        try {
            return Files.newInputStream(file(id.value()));
        } catch (NoSuchFileException e) {
            return db.read(tx -> Sql.one(tx.connection(), "SELECT data FROM inline_blobs WHERE id = ?",
                    rs -> (InputStream) new ByteArrayInputStream(rs.getBytes(1)), id.value()))
                    .orElseThrow(() -> Errors.notFound("message body"));
        } catch (IOException e) {
            throw Errors.unavailable(e);
        }
    }

    @Override
    public long size(Db db, BlobId id) {
        return db.read(tx -> sizeForReference(tx, id.value()));
    }

    @Override
    public long sizeForReference(Tx tx, long blobId) throws SQLException {
        // references are only added on the writer thread, which is also the only one removing bodies: no race
        OptionalLong written = pending.writeIfPending(tx, blobId, (t, id, data) -> Sql.update(t.connection(),
                "INSERT INTO inline_blobs (id, data) VALUES (?, ?) ON CONFLICT DO NOTHING", id, data) == 1);
        if (written.isPresent()) {
            return written.getAsLong();
        }
        try {
            return Files.size(file(blobId));
        } catch (NoSuchFileException e) {
            return Sql.one(tx.connection(), "SELECT length(data) FROM inline_blobs WHERE id = ?", rs -> rs.getLong(1), blobId)
                    .orElseThrow(() -> Errors.notFound("message body"));
        } catch (IOException e) {
            throw Errors.unavailable(e);
        }
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
                Sql.update(c, "DELETE FROM inline_blobs WHERE id = ?", id);
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
