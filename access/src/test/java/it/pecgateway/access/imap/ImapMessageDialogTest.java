package it.pecgateway.access.imap;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.ImapClient;
import it.pecgateway.mailstore.Mailbox;
import it.pecgateway.mailstore.MailboxState;
import it.pecgateway.mailstore.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImapMessageDialogTest {
    static final AccessFixture fx = AccessFixture.shared();

    private static Mailbox withMessages(String name, int count) {
        Mailbox m = fx.mailbox(name);
        for (int i = 1; i <= count; i++) {
            fx.deliver(m, AccessFixture.message("Oggetto " + i, "Testo numero " + i));
        }
        return m;
    }

    @Test
    void selectReportsTheMailboxAndExamineIsReadOnly() {
        Mailbox m = withMessages("select", 3);
        long validity = fx.inbox(m).uidValidity();
        try (ImapClient c = fx.imapLoggedIn(m)) {
            List<String> lines = c.ok("a1 SELECT INBOX");
            assertThat(lines).contains("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", "* 3 EXISTS", "* 0 RECENT",
                    "* OK [UNSEEN 1] First unseen", "* OK [UIDVALIDITY " + validity + "] UIDs valid",
                    "* OK [UIDNEXT 4] Predicted next UID",
                    "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted");
            assertThat(lines).anyMatch(l -> l.matches("\\* OK \\[HIGHESTMODSEQ \\d+\\] Highest"));
            assertThat(c.last(lines)).isEqualTo("a1 OK [READ-WRITE] SELECT completed");
            assertThat(c.last(c.ok("a2 EXAMINE inbox"))).isEqualTo("a2 OK [READ-ONLY] EXAMINE completed");
            assertThat(c.last(c.command("a3 STORE 1 +FLAGS (\\Seen)"))).isEqualTo("a3 NO [CANNOT] Mailbox is read-only");
            assertThat(c.ok("a4 FETCH 1 BODY[]")).noneMatch(l -> l.contains("\\Seen"));
            assertThat(fx.store.messages().get(fx.inbox(m).id(), 1).orElseThrow().flags()).isEmpty();
            assertThat(c.last(c.command("a5 SELECT Missing"))).startsWith("a5 NO [NONEXISTENT]");
            assertThat(c.last(c.command("a6 FETCH 1 FLAGS"))).isEqualTo("a6 BAD Command not valid in this state");
        }
    }

    @Test
    void appendTakesSynchronisingAndNonSynchronisingLiterals() {
        Mailbox m = fx.mailbox("append");
        long validity = fx.inbox(m).uidValidity();
        byte[] msg = AccessFixture.message("appended", "ciao").getBytes(StandardCharsets.UTF_8);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.send("a1 APPEND INBOX (\\Seen $Label1) \"04-Mar-2025 10:15:00 +0100\" {" + msg.length + "}");
            assertThat(c.line()).startsWith("+ ");
            c.raw(msg);
            c.send("");
            assertThat(c.last(c.until("a1"))).isEqualTo("a1 OK [APPENDUID " + validity + " 1] APPEND completed");
            c.raw(("a2 APPEND INBOX {" + msg.length + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
            c.raw(msg);
            c.send("");
            assertThat(c.last(c.until("a2"))).isEqualTo("a2 OK [APPENDUID " + validity + " 2] APPEND completed");
            assertThat(c.last(c.command("a3 APPEND Nowhere {1+}\r\nx"))).startsWith("a3 NO [TRYCREATE]");
        }
        MessageInfo first = fx.store.messages().get(fx.inbox(m).id(), 1).orElseThrow();
        assertThat(first.flags()).containsExactlyInAnyOrder("\\Seen", "$Label1");
        assertThat(first.internalDate()).isEqualTo(java.time.Instant.parse("2025-03-04T09:15:00Z"));
        assertThat(first.size()).isEqualTo(msg.length);
    }

    @Test
    void aLargeAppendIsSpooledAndStoredExactly() throws Exception {
        Mailbox m = fx.mailbox("bigappend");
        StringBuilder text = new StringBuilder("Subject: grande\r\n\r\n");
        while (text.length() < 900_000) {
            text.append("riga di testo abbastanza lunga per riempire il messaggio ").append(text.length()).append("\r\n");
        }
        byte[] msg = text.toString().getBytes(StandardCharsets.US_ASCII);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.send("a1 APPEND INBOX {" + msg.length + "}");
            assertThat(c.line()).startsWith("+ ");
            c.raw(msg);
            c.send("");
            assertThat(c.last(c.until("a1"))).contains("OK [APPENDUID");
        }
        MessageInfo stored = fx.store.messages().get(fx.inbox(m).id(), 1).orElseThrow();
        try (var in = fx.store.blobs().open(stored.body())) {
            assertThat(in.readAllBytes()).isEqualTo(msg);
        }
        try (var spooled = java.nio.file.Files.list(fx.settings.spoolDirectory())) {
            assertThat(spooled).as("spooled literals are removed after the command").isEmpty();
        }
    }

    @Test
    void fetchReturnsEveryItem() {
        Mailbox m = withMessages("fetch", 2);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            String body = AccessFixture.message("Oggetto 1", "Testo numero 1");
            List<String> lines = c.ok("a2 FETCH 1 (FLAGS INTERNALDATE RFC822.SIZE UID ENVELOPE BODYSTRUCTURE)");
            assertThat(lines.get(0)).startsWith("* 1 FETCH (FLAGS () INTERNALDATE \"")
                    .contains("RFC822.SIZE " + body.length() + " UID 1 ENVELOPE (\"Tue, 4 Mar 2025 10:15:00 +0100\" \"Oggetto 1\" "
                            + "((\"Mario Rossi\" NIL \"mario.rossi\" \"pec.example.it\")) ((\"Mario Rossi\" NIL \"mario.rossi\" "
                            + "\"pec.example.it\")) ((\"Mario Rossi\" NIL \"mario.rossi\" \"pec.example.it\")) ((\"Anna Bianchi\" "
                            + "NIL \"anna\" \"pec.example.it\")) NIL NIL NIL \"<")
                    .endsWith("BODYSTRUCTURE (\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 16 1 NIL NIL NIL NIL))");
            assertThat(c.ok("a3 FETCH 1 BODY").get(0))
                    .isEqualTo("* 1 FETCH (BODY (\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 16 1))");
            assertThat(c.ok("a4 FETCH 1 BODY.PEEK[]").get(0))
                    .isEqualTo("* 1 FETCH (BODY[] {" + body.length() + "}\r\n" + body + ")");
            assertThat(c.ok("a5 FETCH 1 BODY.PEEK[HEADER.FIELDS (Subject FROM)]").get(0)).isEqualTo(
                    "* 1 FETCH (BODY[HEADER.FIELDS (Subject FROM)] {70}\r\nFrom: Mario Rossi <mario.rossi@pec.example.it>\r\n"
                            + "Subject: Oggetto 1\r\n\r\n)");
            assertThat(c.ok("a6 FETCH 1 BODY.PEEK[TEXT]<0.5>").get(0)).isEqualTo("* 1 FETCH (BODY[TEXT]<0> {5}\r\nTesto)");
            assertThat(c.ok("a7 FETCH 1 BODY.PEEK[1]").get(0)).isEqualTo("* 1 FETCH (BODY[1] {16}\r\nTesto numero 1\r\n)");
            assertThat(c.ok("a8 FETCH 1 RFC822.HEADER").get(0)).startsWith("* 1 FETCH (RFC822.HEADER {").endsWith("\r\n\r\n)");
            assertThat(c.ok("a9 FETCH 1:* FAST")).hasSize(3);
            assertThat(c.ok("b1 FETCH 2 ALL").get(0)).contains("ENVELOPE (");
            assertThat(c.ok("b2 FETCH 2 FULL").get(0)).contains("BODY (");
            assertThat(c.ok("b3 FETCH 1 BODY.PEEK[HEADER.FIELDS.NOT (From To Subject Date Message-ID MIME-Version)]").get(0))
                    .isEqualTo("* 1 FETCH (BODY[HEADER.FIELDS.NOT (From To Subject Date Message-ID MIME-Version)] {43}\r\n"
                            + "Content-Type: text/plain; charset=utf-8\r\n\r\n)");
        }
    }

    @Test
    void bodyFetchSetsSeenButPeekDoesNot() {
        Mailbox m = withMessages("seen", 2);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            assertThat(c.ok("a2 FETCH 1 BODY.PEEK[TEXT]").get(0)).doesNotContain("FLAGS");
            assertThat(c.ok("a3 FETCH 1 BODY[TEXT]").get(0)).contains("FLAGS (\\Seen)");
            assertThat(c.ok("a4 UID FETCH 2 RFC822").get(0)).startsWith("* 2 FETCH (UID 2 RFC822 {").contains("FLAGS (\\Seen)");
            assertThat(c.ok("a5 FETCH 1:2 FLAGS")).containsExactly("* 1 FETCH (FLAGS (\\Seen))", "* 2 FETCH (FLAGS (\\Seen))",
                    "a5 OK FETCH completed");
        }
    }

    @Test
    void storeChangesFlagsAndReportsThem() {
        Mailbox m = withMessages("store", 3);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            assertThat(c.ok("a2 STORE 1:2 +FLAGS (\\Flagged Importante)")).containsExactly(
                    "* 1 FETCH (FLAGS (\\Flagged Importante))", "* 2 FETCH (FLAGS (\\Flagged Importante))", "a2 OK STORE completed");
            assertThat(c.ok("a3 STORE 2 -FLAGS.SILENT (Importante)")).containsExactly("a3 OK STORE completed");
            assertThat(c.ok("a4 UID STORE 3 FLAGS (\\Answered \\Draft)")).containsExactly(
                    "* 3 FETCH (FLAGS (\\Answered \\Draft) UID 3)", "a4 OK STORE completed");
            assertThat(c.ok("a5 FETCH 1:3 FLAGS")).containsExactly("* 1 FETCH (FLAGS (\\Flagged Importante))",
                    "* 2 FETCH (FLAGS (\\Flagged))", "* 3 FETCH (FLAGS (\\Answered \\Draft))", "a5 OK FETCH completed");
            assertThat(c.last(c.command("a6 STORE 1 +FLAGS (\\Bogus)"))).isEqualTo("a6 BAD Invalid system flag");
            assertThat(c.last(c.command("a7 STORE 9 +FLAGS (\\Seen)"))).isEqualTo("a7 BAD Invalid message sequence number");
            assertThat(c.last(c.command("a8 STORE 1 PLUSFLAGS (\\Seen)"))).isEqualTo("a8 BAD Unknown STORE item");
        }
    }

    @Test
    void searchFindsByFlagsHeadersBodyDatesSizesAndSets() {
        Mailbox m = fx.mailbox("search");
        fx.deliver(m, AccessFixture.message("Fattura marzo", "Importo dovuto: 100 euro"));
        fx.deliver(m, AccessFixture.message("Convocazione", "Riunione alle 10"));
        fx.deliver(m, "From: =?UTF-8?Q?Nicol=C3=B2?= <nicolo@pec.example.it>\r\nSubject: =?UTF-8?B?UmljZXZ1dGEgw6g=?=\r\n"
                + "Date: Wed, 5 Mar 2025 08:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + java.util.Base64.getMimeEncoder().encodeToString(
                        "perché è così".getBytes(StandardCharsets.UTF_8)) + "\r\n");
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            c.ok("a2 STORE 2 +FLAGS (\\Seen \\Flagged)");
            assertThat(c.ok("a3 SEARCH ALL").get(0)).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.ok("a4 SEARCH SEEN FLAGGED").get(0)).isEqualTo("* SEARCH 2");
            assertThat(c.ok("a5 SEARCH UNSEEN").get(0)).isEqualTo("* SEARCH 1 3");
            assertThat(c.ok("a6 SEARCH SUBJECT fattura").get(0)).isEqualTo("* SEARCH 1");
            assertThat(c.ok("a7 SEARCH BODY riunione").get(0)).isEqualTo("* SEARCH 2");
            assertThat(c.ok("a8 SEARCH TEXT \"100 EURO\"").get(0)).isEqualTo("* SEARCH 1");
            assertThat(c.ok("a9 SEARCH OR FROM mario FROM nobody").get(0)).isEqualTo("* SEARCH 1 2");
            assertThat(c.ok("b1 SEARCH NOT FROM mario").get(0)).isEqualTo("* SEARCH 3");
            assertThat(c.ok("b2 SEARCH CHARSET UTF-8 FROM \"Nicolò\"").get(0)).isEqualTo("* SEARCH 3");
            assertThat(c.ok("b3 SEARCH CHARSET UTF-8 BODY {7+}\r\nperché").get(0)).isEqualTo("* SEARCH 3");
            assertThat(c.ok("b4 SEARCH SUBJECT ricevuta").get(0)).isEqualTo("* SEARCH 3");
            assertThat(c.ok("b5 SEARCH SENTON 5-Mar-2025").get(0)).isEqualTo("* SEARCH 3");
            assertThat(c.ok("b6 SEARCH SENTBEFORE 5-Mar-2025").get(0)).isEqualTo("* SEARCH 1 2");
            assertThat(c.ok("b7 SEARCH SINCE 1-Jan-2020 BEFORE 1-Jan-2999").get(0)).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.ok("b8 SEARCH LARGER 200 SMALLER 100000").get(0)).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.ok("b9 SEARCH 2:3 UID 1:2").get(0)).isEqualTo("* SEARCH 2");
            assertThat(c.ok("c1 UID SEARCH HEADER Message-ID pec.example.it").get(0)).isEqualTo("* SEARCH 1 2");
            assertThat(c.ok("c2 SEARCH (KEYWORD $x) ").get(0)).isEqualTo("* SEARCH");
            assertThat(c.ok("c3 SEARCH NEW").get(0)).isEqualTo("* SEARCH");
            assertThat(c.ok("c4 SEARCH OLD UNANSWERED UNDELETED UNDRAFT").get(0)).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.ok("c5 SEARCH MODSEQ 1").get(0)).matches("\\* SEARCH 1 2 3 \\(MODSEQ \\d+\\)");
            assertThat(c.last(c.command("c6 SEARCH CHARSET KOI8-R ALL"))).isEqualTo("c6 NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset");
            assertThat(c.last(c.command("c7 SEARCH FROBNICATE"))).isEqualTo("c7 BAD Unknown search criterion");
            assertThat(c.last(c.command("c8 SEARCH BEFORE 31-Foo-2020"))).isEqualTo("c8 BAD Invalid date");
        }
    }

    @Test
    void aDayThatTheMonthDoesNotHaveIsAnInvalidDate() {
        Mailbox m = withMessages("baddate", 1);
        byte[] msg = AccessFixture.message("datato", "ciao").getBytes(StandardCharsets.UTF_8);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            assertThat(c.last(c.command("a2 SEARCH SINCE 31-Feb-2025"))).isEqualTo("a2 BAD Invalid date");
            assertThat(c.last(c.command("a3 SEARCH BEFORE 29-Feb-2025"))).isEqualTo("a3 BAD Invalid date");
            assertThat(c.ok("a4 SEARCH BEFORE 29-Feb-2024").get(0)).isEqualTo("* SEARCH");
            assertThat(c.last(c.command("a5 APPEND INBOX \"30-Feb-2025 10:15:00 +0100\" {" + msg.length + "+}\r\n"
                    + new String(msg, StandardCharsets.UTF_8)))).isEqualTo("a5 BAD Invalid date-time");
        }
        assertThat(fx.store.messages().get(fx.inbox(m).id(), 2)).isEmpty();
    }

    @Test
    void copyMoveAndExpungeAnswerWithUidPlusCodes() {
        Mailbox m = withMessages("copy", 4);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 CREATE Archivio");
            long archive = fx.store.folders().find(m.id(), "Archivio").orElseThrow().uidValidity();
            c.ok("a2 SELECT INBOX");
            assertThat(c.last(c.ok("a3 COPY 1:2 Archivio"))).isEqualTo("a3 OK [COPYUID " + archive + " 1:2 1:2] COPY completed");
            assertThat(c.last(c.command("a4 COPY 1 Nowhere"))).startsWith("a4 NO [TRYCREATE]");
            assertThat(c.ok("a5 UID MOVE 3 Archivio")).containsExactly("* OK [COPYUID " + archive + " 3 3] Moved",
                    "* 3 EXPUNGE", "a5 OK MOVE completed");
            c.ok("a6 STORE 1 +FLAGS.SILENT (\\Deleted)");
            assertThat(c.ok("a7 EXPUNGE")).containsExactly("* 1 EXPUNGE", "a7 OK EXPUNGE completed");
            c.ok("a8 STORE 1:2 +FLAGS.SILENT (\\Deleted)");
            assertThat(c.ok("a9 UID EXPUNGE 4")).containsExactly("* 2 EXPUNGE", "a9 OK EXPUNGE completed");
            assertThat(c.ok("b1 UID EXPUNGE 1:3")).containsExactly("* 1 EXPUNGE", "b1 OK EXPUNGE completed");
            assertThat(c.ok("b2 STATUS Archivio (MESSAGES)").get(0)).isEqualTo("* STATUS \"Archivio\" (MESSAGES 3)");
            c.ok("b3 SELECT Archivio");
            c.ok("b4 STORE 1 +FLAGS.SILENT (\\Deleted)");
            c.ok("b5 UNSELECT");
            assertThat(fx.store.messages().uids(fx.store.folders().find(m.id(), "Archivio").orElseThrow().id())).hasSize(3);
            c.ok("b6 SELECT Archivio");
            c.ok("b7 CLOSE");
            assertThat(fx.store.messages().uids(fx.store.folders().find(m.id(), "Archivio").orElseThrow().id())).hasSize(2);
            assertThat(c.last(c.command("b8 EXPUNGE"))).isEqualTo("b8 BAD Command not valid in this state");
        }
    }

    @Test
    void condstoreTracksModificationSequences() {
        Mailbox m = withMessages("condstore", 2);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            List<String> select = c.ok("a1 SELECT INBOX (CONDSTORE)");
            long highest = Long.parseLong(select.stream().filter(l -> l.contains("HIGHESTMODSEQ")).findFirst().orElseThrow()
                    .replaceAll("\\D", ""));
            List<String> store = c.ok("a2 STORE 1 +FLAGS (\\Seen)");
            assertThat(store.get(0)).matches("\\* 1 FETCH \\(FLAGS \\(\\\\Seen\\) UID 1 MODSEQ \\(\\d+\\)\\)");
            assertThat(c.ok("a3 FETCH 1:* (FLAGS) (CHANGEDSINCE " + highest + ")")).hasSize(2);
            List<String> conditional = c.ok("a4 STORE 1:2 (UNCHANGEDSINCE " + highest + ") +FLAGS (\\Flagged)");
            assertThat(c.last(conditional)).isEqualTo("a4 OK [MODIFIED 1] Conditional STORE failed");
            assertThat(c.ok("a5 FETCH 2 (MODSEQ)").get(0)).matches("\\* 2 FETCH \\(MODSEQ \\(\\d+\\)\\)");
        }
    }

    @Test
    void expiredMailboxesAreReadOnly() {
        Mailbox m = fx.mailbox("expired", MailboxState.EXPIRED);
        fx.deliver(m, AccessFixture.message("vecchio", "x"));
        try (ImapClient c = fx.imapLoggedIn(m)) {
            assertThat(c.last(c.ok("a1 SELECT INBOX"))).isEqualTo("a1 OK [READ-ONLY] SELECT completed");
            assertThat(c.ok("a2 FETCH 1 BODY[]").get(0)).doesNotContain("\\Seen");
            assertThat(c.last(c.command("a3 APPEND INBOX {1+}\r\nx"))).startsWith("a3 NO [NOPERM]");
            assertThat(c.last(c.command("a4 CREATE Nuova"))).startsWith("a4 NO [NOPERM]");
            assertThat(c.last(c.command("a5 STORE 1 +FLAGS (\\Deleted)"))).startsWith("a5 NO [NOPERM]");
        }
    }

    @Test
    void keywordsInStoreAreCaseInsensitive() {
        Mailbox m = withMessages("keywordcase", 2);
        try (ImapClient c = fx.imapLoggedIn(m)) {
            c.ok("a1 SELECT INBOX");
            assertThat(c.ok("a2 STORE 1 +FLAGS (Junk)").get(0)).isEqualTo("* 1 FETCH (FLAGS (Junk))");
            assertThat(c.ok("a3 STORE 1:2 +FLAGS (junk)")).containsExactly(
                    "* 1 FETCH (FLAGS (Junk))", "* 2 FETCH (FLAGS (Junk))", "a3 OK STORE completed");
            assertThat(c.ok("a4 STORE 1:2 -FLAGS (JUNK)")).containsExactly(
                    "* 1 FETCH (FLAGS ())", "* 2 FETCH (FLAGS ())", "a4 OK STORE completed");
        }
        assertThat(fx.store.messages().get(fx.inbox(m).id(), 1).orElseThrow().flags()).isEmpty();
    }
}
