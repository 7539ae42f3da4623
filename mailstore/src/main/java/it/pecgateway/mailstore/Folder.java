package it.pecgateway.mailstore;

import java.util.Optional;

/** A folder. {@code uidValidity} never changes for the life of the folder. */
public record Folder(long id, long mailboxId, String name, long uidValidity, boolean subscribed,
                     Optional<Folders.SpecialUse> specialUse) {
}
