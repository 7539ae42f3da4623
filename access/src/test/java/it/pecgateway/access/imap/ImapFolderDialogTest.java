package it.pecgateway.access.imap;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.ImapClient;
import it.pecgateway.mailstore.Folders;
import it.pecgateway.mailstore.Mailbox;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImapFolderDialogTest {
    static final AccessFixture fx = AccessFixture.shared();

    @Test
    void createListRenameAndDeleteFolders() {
        Mailbox m = fx.mailbox("folders");
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 CREATE Archivio/2025");
            assertThat(c.ok("a2 LIST \"\" \"*\"")).containsExactly(
                    "* LIST (\\HasChildren) \"/\" \"Archivio\"",
                    "* LIST (\\HasNoChildren) \"/\" \"Archivio/2025\"",
                    "* LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "a2 OK LIST completed");
            assertThat(c.ok("a3 LIST \"\" \"%\"")).containsExactly(
                    "* LIST (\\HasChildren) \"/\" \"Archivio\"",
                    "* LIST (\\HasNoChildren) \"/\" \"INBOX\"",
                    "a3 OK LIST completed");
            assertThat(c.ok("a4 LIST \"\" \"\"").get(0)).isEqualTo("* LIST (\\Noselect) \"/\" \"\"");
            assertThat(c.last(c.command("a5 CREATE Archivio"))).isEqualTo("a5 NO [ALREADYEXISTS] Mailbox already exists");
            assertThat(c.last(c.command("a6 DELETE Archivio"))).startsWith("a6 NO [INUSE]");
            c.ok("a7 RENAME Archivio Storico");
            assertThat(c.ok("a8 LIST \"\" \"Storico/*\"")).containsExactly(
                    "* LIST (\\HasNoChildren) \"/\" \"Storico/2025\"", "a8 OK LIST completed");
            c.ok("a9 DELETE Storico/2025");
            c.ok("b1 DELETE Storico");
            assertThat(c.ok("b2 LIST \"\" \"*\"")).containsExactly("* LIST (\\HasNoChildren) \"/\" \"INBOX\"", "b2 OK LIST completed");
            assertThat(c.last(c.command("b3 DELETE INBOX"))).startsWith("b3 NO [CANNOT]");
            assertThat(c.last(c.command("b4 RENAME INBOX Other"))).startsWith("b4 NO [CANNOT]");
            assertThat(c.last(c.command("b5 DELETE Nothing"))).startsWith("b5 NO [NONEXISTENT]");
        }
    }

    @Test
    void folderNamesTravelInModifiedUtf7() {
        Mailbox m = fx.mailbox("utf7");
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 CREATE \"Ricevute &- Posta inviata &AOg-\"");
            assertThat(fx.store.folders().find(m.id(), "Ricevute & Posta inviata è")).isPresent();
            assertThat(c.ok("a2 LIST \"\" \"R*\"").get(0)).isEqualTo("* LIST (\\HasNoChildren) \"/\" \"Ricevute &- Posta inviata &AOg-\"");
        }
    }

    @Test
    void subscriptionsShowInLsub() {
        Mailbox m = fx.mailbox("subs");
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 CREATE Lavoro");
            c.ok("a2 CREATE Casa");
            c.ok("a3 UNSUBSCRIBE Casa");
            c.ok("a4 SUBSCRIBE Lavoro");
            assertThat(c.ok("a5 LSUB \"\" \"*\"")).containsExactly("* LSUB (\\HasNoChildren) \"/\" \"INBOX\"",
                    "* LSUB (\\HasNoChildren) \"/\" \"Lavoro\"", "a5 OK LSUB completed");
            c.ok("a6 UNSUBSCRIBE Lavoro");
            assertThat(c.ok("a7 LSUB \"\" \"L*\"")).containsExactly("a7 OK LSUB completed");
        }
    }

    @Test
    void specialUseFoldersCarryTheirAttribute() {
        Mailbox m = fx.mailbox("special");
        fx.store.folders().create(m.id(), "Posta inviata", Optional.of(Folders.SpecialUse.SENT));
        fx.store.folders().create(m.id(), "Cestino", Optional.of(Folders.SpecialUse.TRASH));
        try (ImapClient c = fx.imapLoggedIn(m)) {
            assertThat(c.ok("a1 LIST \"\" \"*\"")).contains(
                    "* LIST (\\HasNoChildren \\Sent) \"/\" \"Posta inviata\"",
                    "* LIST (\\HasNoChildren \\Trash) \"/\" \"Cestino\"");
            assertThat(c.ok("a2 LIST (SPECIAL-USE) \"\" \"*\" RETURN (SPECIAL-USE)")).hasSize(3);
        }
    }

    @Test
    void statusReportsCountersWithoutSelecting() {
        Mailbox m = fx.mailbox("status");
        fx.deliver(m, AccessFixture.message("one", "1"));
        fx.deliver(m, AccessFixture.message("two", "2"));
        try (ImapClient c = fx.imapLoggedIn(m)) {
            String status = c.ok("a1 STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY HIGHESTMODSEQ RECENT)").get(0);
            long validity = fx.inbox(m).uidValidity();
            assertThat(status).matches("\\* STATUS \"INBOX\" \\(MESSAGES 2 UNSEEN 2 UIDNEXT 3 UIDVALIDITY " + validity
                    + " HIGHESTMODSEQ \\d+ RECENT 0\\)");
            assertThat(c.last(c.command("a2 STATUS Nope (MESSAGES)"))).startsWith("a2 NO [NONEXISTENT]");
            assertThat(c.last(c.command("a3 STATUS INBOX (BOGUS)"))).startsWith("a3 BAD");
        }
    }

    @Test
    void namespaceIdEnableAndQuotaAnswer() {
        Mailbox m = fx.mailbox("misc");
        fx.store.accounts().setQuota(m.address(), 10 * 1024 * 1024);
        fx.deliver(m, AccessFixture.message("q", "x".repeat(3000)));
        try (ImapClient c = fx.imapLoggedIn(m)) {
            assertThat(c.ok("a1 NAMESPACE").get(0)).isEqualTo("* NAMESPACE ((\"\" \"/\")) NIL NIL");
            assertThat(c.ok("a2 ID (\"name\" \"test\" \"version\" NIL)").get(0)).isEqualTo("* ID (\"name\" \"PEC gateway\")");
            assertThat(c.ok("a3 ID NIL")).hasSize(2);
            assertThat(c.ok("a4 ENABLE CONDSTORE X-UNKNOWN").get(0)).isEqualTo("* ENABLED CONDSTORE");
            List<String> quota = c.ok("a5 GETQUOTAROOT INBOX");
            assertThat(quota.get(0)).isEqualTo("* QUOTAROOT \"INBOX\" \"\"");
            assertThat(quota.get(1)).matches("\\* QUOTA \"\" \\(STORAGE [34] 10240\\)");
            assertThat(c.ok("a6 GETQUOTA \"\"").get(0)).startsWith("* QUOTA \"\" (STORAGE");
            assertThat(c.last(c.command("a7 SETQUOTA \"\" (STORAGE 1)"))).startsWith("a7 NO [NOPERM]");
        }
    }

    @Test
    void aUserSeesOnlyItsOwnFolders() {
        Mailbox mine = fx.mailbox("mine");
        Mailbox other = fx.mailbox("other");
        fx.store.folders().create(other.id(), "Segreti", Optional.empty());
        try (ImapClient c = fx.imapLoggedIn(mine)) {
            assertThat(c.ok("a1 LIST \"\" \"*\"")).noneMatch(l -> l.contains("Segreti"));
            assertThat(c.last(c.command("a2 SELECT Segreti"))).startsWith("a2 NO [NONEXISTENT]");
            assertThat(c.last(c.command("a3 SELECT ../other/INBOX"))).startsWith("a3 NO");
        }
    }
}
