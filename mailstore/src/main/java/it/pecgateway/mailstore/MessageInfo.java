package it.pecgateway.mailstore;

import java.time.Instant;
import java.util.Set;

/** One message of a folder: what IMAP needs without reading the body. {@code size} is the exact byte count (RFC822.SIZE). */
public record MessageInfo(long folderId, long uid, Set<String> flags, Instant internalDate, long size, long modSeq,
                          BlobId body) {
    public MessageInfo {
        flags = Set.copyOf(flags);
    }
}
