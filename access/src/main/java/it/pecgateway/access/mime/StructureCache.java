package it.pecgateway.access.mime;

import it.pecgateway.mailstore.BlobId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Parsed structures of recently read messages, by body id (bodies never change, so entries never go stale).
 * Bounded, least recently used first out.
 */
public final class StructureCache {
    private final Map<BlobId, MimePart> entries;

    public StructureCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<BlobId, MimePart> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The structure of a body, parsed from {@code open} on a miss (outside the lock). */
    public MimePart get(BlobId id, Function<BlobId, InputStream> open) {
        synchronized (entries) {
            MimePart hit = entries.get(id);
            if (hit != null) {
                return hit;
            }
        }
        MimePart parsed;
        try (InputStream in = open.apply(id)) {
            parsed = MimeParser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (entries) {
            entries.put(id, parsed);
        }
        return parsed;
    }
}
