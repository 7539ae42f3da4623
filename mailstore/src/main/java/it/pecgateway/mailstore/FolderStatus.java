package it.pecgateway.mailstore;

/**
 * Counters of a folder, consistent with each other.
 *
 * @param uidNext       the UID the next message will get (strictly greater than every UID ever assigned)
 * @param highestModSeq highest modification sequence of any change in the folder (CONDSTORE)
 * @param firstUnseenUid UID of the first message without {@code \Seen}, 0 if none
 */
public record FolderStatus(long folderId, long messages, long unseen, long uidNext, long uidValidity,
                           long highestModSeq, long totalBytes, long firstUnseenUid) {
}
