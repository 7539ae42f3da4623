package it.pecgateway.mailstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pecgateway.mailstore.LegalLog.LogQuery;
import it.pecgateway.mailstore.LegalLog.LogVerification;
import it.pecgateway.mailstore.MailStoreException.Reason;
import it.pecgateway.mailstore.Messages.FlagUpdate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MailStore} backend must have. A backend's test extends this class and says how to
 * open a fresh, empty store and how to run raw SQL on it (to tamper with the legal log as an attacker would).
 * Other modules may extend it too: it ships in the mailstore test-jar.
 */
public abstract class MailStoreContract {
    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    protected final MutableClock clock = new MutableClock(T0);
    protected final CountingHasher hasher = new CountingHasher();
    protected MailStore store;

    /** A fresh store on an empty database; called once per test (twice for the tests that reopen it). */
    protected abstract MailStore openStore(MutableClock clock, PasswordHasher hasher);

    /** Runs SQL directly on the database behind the store, outside the store. */
    protected abstract void executeSql(String sql);

    @BeforeEach
    void openTheStore() {
        store = openStore(clock, hasher);
    }

    @AfterEach
    void closeTheStore() {
        store.close();
    }

    // ---------------------------------------------------------------- helpers

    protected Mailbox mailbox(String address) {
        String domain = address.substring(address.indexOf('@') + 1);
        if (!store.accounts().hostsDomain(domain)) {
            store.accounts().addDomain(domain);
        }
        return store.accounts().createMailbox(new NewMailbox(address, Optional.empty(), MailboxState.ACTIVE,
                Optional.empty(), 0));
    }

    protected Folder inbox(Mailbox m) {
        return store.folders().find(m.id(), "INBOX").orElseThrow();
    }

    protected static BodySource text(String s) {
        return BodySource.of(s.getBytes(StandardCharsets.UTF_8));
    }

    protected String read(BlobId id) {
        try (InputStream in = store.blobs().open(id)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Messages.Appended append(Folder f, String body, String... flags) {
        return store.messages().append(f.id(), text(body), Set.of(flags), T0);
    }

    private static void assertReason(Runnable r, Reason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(MailStoreException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static LogEvent event(String id, Instant at, String type, String sender, String... recipients) {
        return new LogEvent(id, at, type, sender, List.of(recipients), "Oggetto: prova", List.of("<r-" + id + "@pec>"),
                Optional.of("peer.example"), Optional.empty());
    }

    // ---------------------------------------------------------------- accounts

    @Test
    void domainsAreStoredLowerCaseAndSorted() {
        store.accounts().addDomain("PEC.Example.IT");
        store.accounts().addDomain("a.example");
        assertThat(store.accounts().domains()).containsExactly("a.example", "pec.example.it");
        assertThat(store.accounts().hostsDomain("pec.EXAMPLE.it")).isTrue();
        assertThat(store.accounts().hostsDomain("other.example")).isFalse();
        assertReason(() -> store.accounts().addDomain("pec.example.it"), Reason.ALREADY_EXISTS);
    }

    @Test
    void aMailboxNeedsAHostedDomainAndAUniqueAddress() {
        assertReason(() -> store.accounts().createMailbox(new NewMailbox("a@nowhere.example", Optional.empty(),
                MailboxState.INACTIVE, Optional.empty(), 0)), Reason.NOT_FOUND);
        mailbox("a@pec.example");
        assertReason(() -> mailbox("A@PEC.example"), Reason.ALREADY_EXISTS);
        assertReason(() -> mailbox("not-an-address"), Reason.INVALID);
    }

    @Test
    void aNewMailboxHasItsInboxAndDefaultSettings() {
        Mailbox m = mailbox("Mario.Rossi@PEC.example");
        assertThat(m.address()).isEqualTo("mario.rossi@pec.example");
        assertThat(m.state()).isEqualTo(MailboxState.ACTIVE);
        assertThat(m.createdAt()).isEqualTo(T0);
        assertThat(m.settings()).isEqualTo(MailboxSettings.defaults());
        assertThat(store.folders().list(m.id())).extracting(Folder::name).containsExactly("INBOX");
        assertThat(store.accounts().find("MARIO.ROSSI@pec.example")).contains(m);
        assertThat(store.accounts().findById(m.id())).contains(m);
    }

    @Test
    void authenticateAcceptsOnlyTheRightPassword() {
        mailbox("a@pec.example");
        store.accounts().setPassword("a@pec.example", "s3cret!".toCharArray());
        assertThat(store.accounts().authenticate("A@pec.example", "s3cret!".toCharArray())).isPresent();
        assertThat(store.accounts().authenticate("a@pec.example", "s3cret".toCharArray())).isEmpty();
        assertThat(store.accounts().authenticate("a@pec.example", "".toCharArray())).isEmpty();
    }

    @Test
    void authenticateSpendsOneHashVerificationWhateverTheAddress() {
        mailbox("a@pec.example");
        mailbox("nopassword@pec.example");
        store.accounts().setPassword("a@pec.example", "pw".toCharArray());
        int before = hasher.verifications.get();
        store.accounts().authenticate("a@pec.example", "wrong".toCharArray());
        store.accounts().authenticate("unknown@pec.example", "pw".toCharArray());
        store.accounts().authenticate("nopassword@pec.example", "pw".toCharArray());
        store.accounts().authenticate("not an address", "pw".toCharArray());
        assertThat(hasher.verifications.get() - before).isEqualTo(4);
    }

    @Test
    void aMailboxCreatedWithAPasswordAuthenticates() {
        store.accounts().addDomain("pec.example");
        store.accounts().createMailbox(new NewMailbox("b@pec.example", Optional.of("pw".toCharArray()),
                MailboxState.INACTIVE, Optional.empty(), 0));
        assertThat(store.accounts().authenticate("b@pec.example", "pw".toCharArray()))
                .hasValueSatisfying(m -> assertThat(m.state()).isEqualTo(MailboxState.INACTIVE));
    }

    @Test
    void stateExpiryQuotaAndSettingsAreStored() {
        mailbox("a@pec.example");
        Instant expiry = T0.plus(Duration.ofDays(365));
        store.accounts().setState("a@pec.example", MailboxState.SUSPENDED);
        store.accounts().setExpiry("a@pec.example", Optional.of(expiry));
        store.accounts().setQuota("a@pec.example", 1_000_000);
        MailboxSettings settings = new MailboxSettings(MailboxSettings.OrdinaryMailRule.FORWARD,
                Optional.of("fwd@other.example"), Optional.empty(), List.of("n1@x.example", "n2@x.example"),
                List.of("boss@x.example"));
        store.accounts().updateSettings("a@pec.example", settings);
        Mailbox m = store.accounts().find("a@pec.example").orElseThrow();
        assertThat(m.state()).isEqualTo(MailboxState.SUSPENDED);
        assertThat(m.expiresAt()).contains(expiry);
        assertThat(m.quotaBytes()).isEqualTo(1_000_000);
        assertThat(m.settings()).isEqualTo(settings);
        store.accounts().setExpiry("a@pec.example", Optional.empty());
        assertThat(store.accounts().find("a@pec.example").orElseThrow().expiresAt()).isEmpty();
        assertReason(() -> store.accounts().setState("nobody@pec.example", MailboxState.ACTIVE), Reason.NOT_FOUND);
    }

    @Test
    void settingsAllowAtMostTwoNoticeAddressesAndNeedTheRuleTarget() {
        mailbox("a@pec.example");
        assertReason(() -> store.accounts().updateSettings("a@pec.example", new MailboxSettings(
                MailboxSettings.OrdinaryMailRule.REJECT, Optional.empty(), Optional.empty(),
                List.of("1@x.example", "2@x.example", "3@x.example"), List.of())), Reason.INVALID);
        assertReason(() -> store.accounts().updateSettings("a@pec.example", new MailboxSettings(
                MailboxSettings.OrdinaryMailRule.DELIVER_TO_FOLDER, Optional.empty(), Optional.empty(),
                List.of(), List.of())), Reason.INVALID);
    }

    @Test
    void mailboxesAreListedByDomainInAddressOrder() {
        mailbox("b@one.example");
        mailbox("a@one.example");
        mailbox("c@two.example");
        assertThat(store.accounts().list(Optional.of("ONE.example"))).extracting(Mailbox::address)
                .containsExactly("a@one.example", "b@one.example");
        assertThat(store.accounts().list(Optional.empty())).hasSize(3);
    }

    @Test
    void deletingAMailboxRemovesItsFoldersMessagesAndBodies() {
        Mailbox m = mailbox("a@pec.example");
        Messages.Appended a = append(inbox(m), "hello");
        BlobId body = store.messages().get(a.folderId(), a.uid()).orElseThrow().body();
        store.accounts().deleteMailbox("a@pec.example");
        assertThat(store.accounts().find("a@pec.example")).isEmpty();
        assertThat(store.folders().list(m.id())).isEmpty();
        assertReason(() -> store.blobs().open(body), Reason.NOT_FOUND);
    }

    // ---------------------------------------------------------------- folders

    @Test
    void foldersAreCreatedRenamedAndDeleted() {
        Mailbox m = mailbox("a@pec.example");
        Folder sent = store.folders().create(m.id(), "Sent", Optional.of(Folders.SpecialUse.SENT));
        assertThat(sent.specialUse()).contains(Folders.SpecialUse.SENT);
        assertReason(() -> store.folders().create(m.id(), "Sent", Optional.empty()), Reason.ALREADY_EXISTS);
        append(sent, "kept across rename");
        store.folders().rename(m.id(), "Sent", "Archive/Sent");
        Folder renamed = store.folders().find(m.id(), "Archive/Sent").orElseThrow();
        assertThat(renamed.id()).isEqualTo(sent.id());
        assertThat(renamed.uidValidity()).isEqualTo(sent.uidValidity());
        assertThat(store.messages().uids(renamed.id())).containsExactly(1L);
        assertThat(store.folders().find(m.id(), "Sent")).isEmpty();
        store.folders().delete(m.id(), "Archive/Sent");
        assertThat(store.folders().list(m.id())).extracting(Folder::name).containsExactly("INBOX");
        assertThat(store.messages().quota(m.id()).messages()).isZero();
        assertReason(() -> store.folders().delete(m.id(), "Archive/Sent"), Reason.NOT_FOUND);
    }

    @Test
    void inboxIsMatchedCaseInsensitivelyAndCannotBeRenamedOrDeleted() {
        Mailbox m = mailbox("a@pec.example");
        assertThat(store.folders().find(m.id(), "inbox")).isPresent();
        assertReason(() -> store.folders().delete(m.id(), "Inbox"), Reason.INVALID);
        assertReason(() -> store.folders().rename(m.id(), "INBOX", "Old"), Reason.INVALID);
        assertReason(() -> store.folders().create(m.id(), "inbox", Optional.empty()), Reason.ALREADY_EXISTS);
    }

    @Test
    void aFolderCreatedAgainGetsANewUidValidity() {
        Mailbox m = mailbox("a@pec.example");
        Folder first = store.folders().create(m.id(), "Work", Optional.empty());
        store.folders().delete(m.id(), "Work");
        Folder second = store.folders().create(m.id(), "Work", Optional.empty());
        assertThat(second.uidValidity()).isGreaterThan(first.uidValidity());
        assertThat(second.uidValidity()).isGreaterThanOrEqualTo(T0.getEpochSecond());
    }

    @Test
    void subscriptionsAreStored() {
        Mailbox m = mailbox("a@pec.example");
        store.folders().create(m.id(), "Lists", Optional.empty());
        store.folders().setSubscribed(m.id(), "Lists", false);
        assertThat(store.folders().find(m.id(), "Lists").orElseThrow().subscribed()).isFalse();
        assertReason(() -> store.folders().setSubscribed(m.id(), "Nope", true), Reason.NOT_FOUND);
    }

    // ---------------------------------------------------------------- messages

    @Test
    void appendGivesIncreasingUidsAndKeepsTheBodyExactly() {
        Mailbox m = mailbox("a@pec.example");
        Folder in = inbox(m);
        Messages.Appended a1 = append(in, "first\r\n");
        Messages.Appended a2 = append(in, "second body");
        assertThat(a1.uid()).isEqualTo(1);
        assertThat(a2.uid()).isEqualTo(2);
        assertThat(a2.modSeq()).isGreaterThan(a1.modSeq());
        assertThat(a1.uidValidity()).isEqualTo(in.uidValidity());
        MessageInfo info = store.messages().get(in.id(), 2).orElseThrow();
        assertThat(info.size()).isEqualTo(11);
        assertThat(info.internalDate()).isEqualTo(T0);
        assertThat(read(info.body())).isEqualTo("second body");
        assertThat(store.blobs().size(info.body())).isEqualTo(11);
        assertThat(store.messages().list(in.id(), 1, Long.MAX_VALUE)).extracting(MessageInfo::uid).containsExactly(1L, 2L);
        assertThat(store.messages().get(in.id(), 3)).isEmpty();
    }

    @Test
    void uidsAreNeverReusedAfterExpunge() {
        Folder in = inbox(mailbox("a@pec.example"));
        append(in, "one");
        append(in, "two", "\\Deleted");
        assertThat(store.messages().expunge(in.id(), Optional.empty())).containsExactly(2L);
        assertThat(append(in, "three").uid()).isEqualTo(3);
        assertThat(store.messages().uids(in.id())).containsExactly(1L, 3L);
        assertThat(store.folders().status(in.id()).uidNext()).isEqualTo(4);
    }

    @Test
    void statusCountsMessagesUnseenBytesAndUidNext() {
        Folder in = inbox(mailbox("a@pec.example"));
        append(in, "12345", "\\Seen");
        append(in, "123");
        append(in, "1");
        FolderStatus s = store.folders().status(in.id());
        assertThat(s.messages()).isEqualTo(3);
        assertThat(s.unseen()).isEqualTo(2);
        assertThat(s.firstUnseenUid()).isEqualTo(2);
        assertThat(s.totalBytes()).isEqualTo(9);
        assertThat(s.uidNext()).isEqualTo(4);
        assertThat(s.uidValidity()).isEqualTo(in.uidValidity());
        assertThat(s.highestModSeq()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void flagsAreAddedRemovedAndReplacedWithANewModSeq() {
        Folder in = inbox(mailbox("a@pec.example"));
        append(in, "x");
        Messages.Appended a = append(in, "y", "\\seen", "$Label1");
        assertThat(store.messages().get(in.id(), a.uid()).orElseThrow().flags()).containsExactlyInAnyOrder("\\Seen", "$Label1");
        Messages.FlagResult r = store.messages().updateFlags(in.id(), List.of(1L, 2L, 99L), FlagUpdate.ADD,
                Set.of("\\Flagged"), OptionalLong.empty());
        assertThat(r.updated()).extracting(MessageInfo::uid).containsExactly(1L, 2L);
        long modSeq = r.updated().get(0).modSeq();
        assertThat(modSeq).isGreaterThan(a.modSeq());
        assertThat(store.folders().status(in.id()).highestModSeq()).isEqualTo(modSeq);
        store.messages().updateFlags(in.id(), List.of(2L), FlagUpdate.REMOVE, Set.of("\\Seen"), OptionalLong.empty());
        assertThat(store.messages().get(in.id(), 2).orElseThrow().flags()).containsExactlyInAnyOrder("\\Flagged", "$Label1");
        store.messages().updateFlags(in.id(), List.of(2L), FlagUpdate.REPLACE, Set.of("\\Answered"), OptionalLong.empty());
        assertThat(store.messages().get(in.id(), 2).orElseThrow().flags()).containsExactly("\\Answered");
        assertThat(store.folders().status(in.id()).unseen()).isEqualTo(2);
        assertReason(() -> store.messages().updateFlags(in.id(), List.of(1L), FlagUpdate.ADD, Set.of("bad flag"),
                OptionalLong.empty()), Reason.INVALID);
    }

    @Test
    void unchangedSinceLeavesNewerMessagesAlone() {
        Folder in = inbox(mailbox("a@pec.example"));
        Messages.Appended a1 = append(in, "one");
        Messages.Appended a2 = append(in, "two");
        Messages.FlagResult r = store.messages().updateFlags(in.id(), List.of(1L, 2L), FlagUpdate.ADD,
                Set.of("\\Seen"), OptionalLong.of(a1.modSeq()));
        assertThat(r.notModified()).containsExactly(2L);
        assertThat(r.updated()).extracting(MessageInfo::uid).containsExactly(1L);
        assertThat(store.messages().get(in.id(), 2).orElseThrow().modSeq()).isEqualTo(a2.modSeq());
    }

    @Test
    void changedSinceListsOnlyLaterChanges() {
        Folder in = inbox(mailbox("a@pec.example"));
        append(in, "one");
        Messages.Appended a2 = append(in, "two");
        append(in, "three");
        store.messages().updateFlags(in.id(), List.of(1L), FlagUpdate.ADD, Set.of("\\Seen"), OptionalLong.empty());
        assertThat(store.messages().changedSince(in.id(), a2.modSeq())).extracting(MessageInfo::uid).containsExactly(1L, 3L);
    }

    @Test
    void copySharesTheBodyAndMapsUids() {
        Mailbox m = mailbox("a@pec.example");
        Folder in = inbox(m);
        Folder archive = store.folders().create(m.id(), "Archive", Optional.empty());
        append(archive, "already there");
        append(in, "one", "\\Seen");
        append(in, "two");
        Messages.CopyResult r = store.messages().copy(in.id(), List.of(2L, 1L, 7L), archive.id());
        assertThat(r.targetUidValidity()).isEqualTo(archive.uidValidity());
        assertThat(r.uidMap()).containsExactly(new long[] {1, 2}, new long[] {2, 3});
        MessageInfo copy = store.messages().get(archive.id(), 2).orElseThrow();
        assertThat(copy.flags()).containsExactly("\\Seen");
        assertThat(copy.body()).isEqualTo(store.messages().get(in.id(), 1).orElseThrow().body());
        assertThat(store.messages().quota(m.id()).messages()).isEqualTo(5);
        assertThat(store.messages().uids(in.id())).containsExactly(1L, 2L);
    }

    @Test
    void moveTakesMessagesOutOfTheSource() {
        Mailbox m = mailbox("a@pec.example");
        Folder in = inbox(m);
        Folder trash = store.folders().create(m.id(), "Trash", Optional.of(Folders.SpecialUse.TRASH));
        append(in, "one");
        append(in, "two");
        Messages.CopyResult r = store.messages().move(in.id(), List.of(1L), trash.id());
        assertThat(r.uidMap()).containsExactly(new long[] {1, 1});
        assertThat(store.messages().uids(in.id())).containsExactly(2L);
        assertThat(read(store.messages().get(trash.id(), 1).orElseThrow().body())).isEqualTo("one");
        assertThat(store.messages().quota(m.id()).messages()).isEqualTo(2);
    }

    @Test
    void aMoveInsideAFullMailboxIsAllowed() {
        Mailbox m = mailbox("a@pec.example");
        Folder in = inbox(m);
        Folder other = store.folders().create(m.id(), "Other", Optional.empty());
        append(in, "0123456789");
        store.accounts().setQuota(m.address(), 10);
        store.messages().move(in.id(), List.of(1L), other.id());
        assertThat(store.messages().uids(other.id())).containsExactly(1L);
        assertReason(() -> store.messages().copy(other.id(), List.of(1L), in.id()), Reason.OVER_QUOTA);
    }

    @Test
    void expungeRemovesOnlyDeletedMessagesAmongTheGivenUids() {
        Folder in = inbox(mailbox("a@pec.example"));
        append(in, "1", "\\Deleted");
        append(in, "2");
        append(in, "3", "\\Deleted");
        assertThat(store.messages().expunge(in.id(), Optional.of(List.of(3L, 2L)))).containsExactly(3L);
        assertThat(store.messages().expunge(in.id(), Optional.empty())).containsExactly(1L);
        assertThat(store.messages().uids(in.id())).containsExactly(2L);
    }

    @Test
    void quotaIsEnforcedAndGivenBack() {
        Mailbox m = mailbox("a@pec.example");
        store.accounts().setQuota(m.address(), 10);
        Folder in = inbox(m);
        append(in, "123456", "\\Deleted");
        assertReason(() -> append(in, "12345"), Reason.OVER_QUOTA);
        assertThat(store.messages().quota(m.id())).isEqualTo(new Messages.QuotaUsage(6, 10, 1));
        store.messages().expunge(in.id(), Optional.empty());
        append(in, "1234567890");
        assertThat(store.messages().quota(m.id())).isEqualTo(new Messages.QuotaUsage(10, 10, 1));
        assertThat(store.messages().uids(in.id())).containsExactly(2L);
    }

    @Test
    void oneBodyCanBeAppendedToSeveralMailboxes() {
        Folder a = inbox(mailbox("a@pec.example"));
        Folder b = inbox(mailbox("b@pec.example"));
        BlobId body = store.blobs().put(text("envelope"));
        store.messages().append(a.id(), body, Set.of(), T0);
        store.messages().append(b.id(), body, Set.of(), T0);
        assertThat(store.messages().get(b.id(), 1).orElseThrow().size()).isEqualTo(8);
        assertReason(() -> store.messages().append(a.id(), new BlobId(987654), Set.of(), T0), Reason.NOT_FOUND);
        assertReason(() -> store.messages().append(424242, body, Set.of(), T0), Reason.NOT_FOUND);
    }

    @Test
    void aBodyIsRemovedOnceNothingRefersToIt() {
        Mailbox m = mailbox("a@pec.example");
        Folder in = inbox(m);
        Folder other = store.folders().create(m.id(), "Other", Optional.empty());
        append(in, "shared", "\\Deleted");
        BlobId body = store.messages().get(in.id(), 1).orElseThrow().body();
        store.messages().copy(in.id(), List.of(1L), other.id());
        store.messages().expunge(in.id(), Optional.empty());
        assertThat(read(body)).isEqualTo("shared");
        store.messages().updateFlags(other.id(), List.of(1L), FlagUpdate.ADD, Set.of("\\Deleted"), OptionalLong.empty());
        store.messages().expunge(other.id(), Optional.empty());
        assertReason(() -> store.blobs().open(body), Reason.NOT_FOUND);
    }

    @Test
    void changesArePublishedAfterCommitToTheMailboxSubscribers() throws Exception {
        Mailbox m = mailbox("a@pec.example");
        Mailbox other = mailbox("b@pec.example");
        Folder in = inbox(m);
        BlockingQueue<MailboxChange> seen = new LinkedBlockingQueue<>();
        BlockingQueue<MailboxChange> otherSeen = new LinkedBlockingQueue<>();
        ChangeFeed.Subscription sub = store.changes().subscribe(m.id(), seen::add);
        store.changes().subscribe(other.id(), otherSeen::add);
        Messages.Appended a = append(in, "x");
        assertThat(seen.poll(5, TimeUnit.SECONDS))
                .isEqualTo(new MailboxChange.MessagesAdded(m.id(), in.id(), List.of(1L), a.modSeq()));
        store.messages().updateFlags(in.id(), List.of(1L), FlagUpdate.ADD, Set.of("\\Deleted"), OptionalLong.empty());
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(MailboxChange.FlagsChanged.class,
                f -> assertThat(f.uids()).containsExactly(1L));
        store.messages().expunge(in.id(), Optional.empty());
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isInstanceOfSatisfying(MailboxChange.MessagesExpunged.class,
                e -> assertThat(e.uids()).containsExactly(1L));
        store.folders().create(m.id(), "New", Optional.empty());
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(new MailboxChange.FoldersChanged(m.id()));
        sub.close();
        append(in, "after close");
        assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(otherSeen).isEmpty();
    }

    @Test
    void stateExpiryAndDeletionTellTheMailboxSubscribersItsAccountChanged() throws Exception {
        Mailbox m = mailbox("a@pec.example");
        Mailbox other = mailbox("b@pec.example");
        BlockingQueue<MailboxChange> seen = new LinkedBlockingQueue<>();
        BlockingQueue<MailboxChange> otherSeen = new LinkedBlockingQueue<>();
        store.changes().subscribe(m.id(), seen::add);
        store.changes().subscribe(other.id(), otherSeen::add);
        MailboxChange accountChanged = new MailboxChange.AccountChanged(m.id());

        store.accounts().setState("A@pec.example", MailboxState.SUSPENDED);
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(accountChanged);
        store.accounts().setExpiry("a@pec.example", Optional.of(T0));
        assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo(accountChanged);
        store.accounts().setQuota("a@pec.example", 1000);
        assertReason(() -> store.accounts().setState("nobody@pec.example", MailboxState.ACTIVE), Reason.NOT_FOUND);
        store.accounts().deleteMailbox("a@pec.example");
        assertThat(List.of(seen.poll(5, TimeUnit.SECONDS), seen.poll(5, TimeUnit.SECONDS)))
                .containsExactly(new MailboxChange.FoldersChanged(m.id()), accountChanged);
        assertThat(seen.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(otherSeen).isEmpty();
    }

    @Test
    void aLargeBodyStreamsThroughWithItsExactSize() throws IOException {
        Folder in = inbox(mailbox("a@pec.example"));
        long size = 3L * 1024 * 1024 + 17;
        Messages.Appended a = store.messages().append(in.id(), TestBodies.patterned(size), Set.of(), T0);
        MessageInfo info = store.messages().get(in.id(), a.uid()).orElseThrow();
        assertThat(info.size()).isEqualTo(size);
        try (InputStream body = store.blobs().open(info.body())) {
            assertThat(TestBodies.sha256(body)).isEqualTo(TestBodies.sha256(TestBodies.patterned(size).open()));
        }
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void aTransactionCommitsAllItsWritesTogether() {
        Folder a = inbox(mailbox("a@pec.example"));
        Folder b = inbox(mailbox("b@pec.example"));
        long entry = store.inTransaction(s -> {
            BlobId original = s.blobs().put(text("original"));
            s.messages().append(a.id(), original, Set.of(), T0);
            s.messages().append(b.id(), text("receipt"), Set.of(), T0);
            s.legalLog().append(event("id-1", T0, "accettazione", "a@pec.example", "c@peer.example"));
            s.tracking().start("id-1", "c@peer.example", T0, "ctx");
            assertThat(s.claimOnce("receipt:id-1")).isTrue();
            return s.queue().enqueue(new NewQueueEntry(original, "a@pec.example", "c@peer.example", "relay-pec", "id-1", T0));
        });
        assertThat(store.messages().uids(a.id())).containsExactly(1L);
        assertThat(store.messages().uids(b.id())).containsExactly(1L);
        assertThat(store.queue().get(entry)).isPresent();
        assertThat(store.legalLog().query(new LogQuery(Optional.of("id-1"), Optional.empty(), Optional.empty(),
                Optional.empty(), 0))).hasSize(1);
        assertThat(store.claimOnce("receipt:id-1")).isFalse();
    }

    @Test
    void aFailingTransactionLeavesNothingBehindAndPublishesNothing() {
        Mailbox m = mailbox("a@pec.example");
        Folder in = inbox(m);
        BlockingQueue<MailboxChange> seen = new LinkedBlockingQueue<>();
        store.changes().subscribe(m.id(), seen::add);
        assertThatThrownBy(() -> store.inTransaction(s -> {
            BlobId body = s.blobs().put(text("body"));
            s.messages().append(in.id(), body, Set.of(), T0);
            s.queue().enqueue(new NewQueueEntry(body, "a@pec.example", "c@peer.example", "relay-pec", "id-2", T0));
            s.legalLog().append(event("id-2", T0, "accettazione", "a@pec.example", "c@peer.example"));
            s.claimOnce("k-2");
            throw new IllegalStateException("signing failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("signing failed");
        assertThat(store.messages().uids(in.id())).isEmpty();
        assertThat(store.queue().pending(10)).isEmpty();
        assertThat(store.legalLog().verify().recordsChecked()).isZero();
        assertThat(store.claimOnce("k-2")).isTrue();
        assertThat(store.folders().status(in.id()).uidNext()).isEqualTo(1);
        assertThat(seen).isEmpty();
        assertThat(append(in, "after").uid()).isEqualTo(1);
    }

    @Test
    void aNestedTransactionAndTheStoreItselfJoinTheOuterTransaction() {
        Folder in = inbox(mailbox("a@pec.example"));
        assertThatThrownBy(() -> store.inTransaction(s -> {
            s.messages().append(in.id(), text("outer"), Set.of(), T0);
            store.inTransaction(inner -> inner.messages().append(in.id(), text("inner"), Set.of(), T0));
            store.messages().append(in.id(), text("through the store"), Set.of(), T0);
            assertThat(store.messages().uids(in.id())).containsExactly(1L, 2L, 3L);
            throw new IllegalStateException("undo all three");
        })).hasMessage("undo all three");
        assertThat(store.messages().uids(in.id())).isEmpty();
    }

    @Test
    void concurrentWritersEachGetTheirOwnUids() throws Exception {
        Folder in = inbox(mailbox("a@pec.example"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> uids = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                uids.add(pool.submit(() -> append(in, "message " + n).uid()));
            }
            List<Long> got = new ArrayList<>();
            for (Future<Long> f : uids) {
                got.add(f.get(60, TimeUnit.SECONDS));
            }
            Collections.sort(got);
            assertThat(got).doesNotHaveDuplicates().hasSize(200);
            assertThat(store.messages().uids(in.id())).hasSize(200);
            assertThat(store.folders().status(in.id()).uidNext()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingUnitDoesNotHarmConcurrentOnes() throws Exception {
        Folder in = inbox(mailbox("a@pec.example"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                boolean fail = i % 3 == 0;
                all.add(pool.submit(() -> store.inTransaction(s -> {
                    s.messages().append(in.id(), text(fail ? "doomed" : "fine"), Set.of(), T0);
                    if (fail) {
                        throw new IllegalStateException("doomed");
                    }
                    return null;
                })));
            }
            int failed = 0;
            for (Future<?> f : all) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(34);
            assertThat(store.messages().list(in.id(), 1, Long.MAX_VALUE)).hasSize(66)
                    .allSatisfy(mi -> assertThat(read(mi.body())).isEqualTo("fine"));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- outbound queue

    private long enqueue(String recipient, Instant notBefore) {
        BlobId body = store.blobs().put(text("to " + recipient));
        return store.queue().enqueue(new NewQueueEntry(body, "a@pec.example", recipient, "relay-pec", "id-q", notBefore));
    }

    @Test
    void aLeaseHandsAnEntryToOneOwnerOnly() {
        long id = enqueue("x@peer.example", T0);
        enqueue("later@peer.example", T0.plusSeconds(60));
        List<QueueEntry> first = store.queue().lease("node-1", 10, Duration.ofMinutes(5));
        assertThat(first).extracting(QueueEntry::id).containsExactly(id);
        assertThat(first.get(0).state()).isEqualTo(QueueEntry.State.LEASED);
        assertThat(first.get(0).attempts()).isEqualTo(1);
        assertThat(store.queue().lease("node-2", 10, Duration.ofMinutes(5))).isEmpty();
        assertReason(() -> store.queue().complete(id, "node-2"), Reason.CONFLICT);
        store.queue().complete(id, "node-1");
        assertThat(store.queue().get(id).orElseThrow().state()).isEqualTo(QueueEntry.State.DONE);
        assertThat(store.queue().pending(10)).extracting(QueueEntry::recipient).containsExactly("later@peer.example");
    }

    @Test
    void anExpiredLeaseMakesTheEntryAvailableAgain() {
        long id = enqueue("x@peer.example", T0);
        store.queue().lease("node-1", 10, Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(6));
        List<QueueEntry> again = store.queue().lease("node-2", 10, Duration.ofMinutes(5));
        assertThat(again).extracting(QueueEntry::id).containsExactly(id);
        assertThat(again.get(0).attempts()).isEqualTo(2);
        assertReason(() -> store.queue().complete(id, "node-1"), Reason.CONFLICT);
        store.queue().complete(id, "node-2");
    }

    @Test
    void retryLaterAndFailAreRecorded() {
        long id = enqueue("x@peer.example", T0);
        store.queue().lease("n", 1, Duration.ofMinutes(5));
        store.queue().retryLater(id, "n", T0.plusSeconds(600), "451 4.3.0 try later");
        assertThat(store.queue().lease("n", 1, Duration.ofMinutes(5))).isEmpty();
        QueueEntry waiting = store.queue().get(id).orElseThrow();
        assertThat(waiting.state()).isEqualTo(QueueEntry.State.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(waiting.lastError()).contains("451 4.3.0 try later");
        clock.advance(Duration.ofSeconds(600));
        assertThat(store.queue().lease("n", 1, Duration.ofMinutes(5))).hasSize(1);
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.queue().stats()).isEqualTo(new OutboundQueue.QueueStats(1, Duration.ofSeconds(660)));
        store.queue().fail(id, "n", "550 5.1.1 no such user");
        QueueEntry failed = store.queue().get(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(QueueEntry.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(store.queue().stats()).isEqualTo(new OutboundQueue.QueueStats(0, Duration.ZERO));
        assertThat(read(failed.body())).isEqualTo("to x@peer.example");
    }

    @Test
    void aCompletedEntryLetsGoOfItsBody() {
        long id = enqueue("x@peer.example", T0);
        BlobId body = store.queue().get(id).orElseThrow().body();
        store.queue().lease("n", 1, Duration.ofMinutes(5));
        store.queue().complete(id, "n");
        assertReason(() -> store.blobs().open(body), Reason.NOT_FOUND);
        assertReason(() -> store.queue().enqueue(new NewQueueEntry(body, "a@pec.example", "y@peer.example", "p", "r", T0)),
                Reason.NOT_FOUND);
    }

    // ---------------------------------------------------------------- retention

    private static final Duration RETENTION = Duration.ofDays(30);

    private long finish(String recipient, boolean done) {
        long id = enqueue(recipient, clock.instant());
        assertThat(store.queue().lease("n", 10, Duration.ofMinutes(5))).extracting(QueueEntry::id).contains(id);
        if (done) {
            store.queue().complete(id, "n");
        } else {
            store.queue().fail(id, "n", "550 5.1.1 no such user");
        }
        return id;
    }

    @Test
    void finishedEntriesOlderThanTheRetentionAreRemovedAndOpenOnesNever() {
        long oldDone = finish("old-done@peer.example", true);
        long oldFailed = finish("old-failed@peer.example", false);
        BlobId oldFailedBody = store.queue().get(oldFailed).orElseThrow().body();
        long leased = enqueue("leased@peer.example", T0);
        assertThat(store.queue().lease("n", 10, Duration.ofMinutes(5))).extracting(QueueEntry::id).containsExactly(leased);
        long pending = enqueue("pending@peer.example", T0.plus(Duration.ofDays(60)));
        clock.advance(RETENTION.plusDays(1));
        long recentDone = finish("recent-done@peer.example", true);
        long recentFailed = finish("recent-failed@peer.example", false);

        assertThat(store.queue().purgeFinishedBefore(clock.instant().minus(RETENTION))).isEqualTo(2);

        assertThat(store.queue().get(oldDone)).isEmpty();
        assertThat(store.queue().get(oldFailed)).isEmpty();
        assertReason(() -> store.blobs().open(oldFailedBody), Reason.NOT_FOUND);
        assertThat(List.of(leased, pending, recentDone, recentFailed)).allSatisfy(id ->
                assertThat(store.queue().get(id)).isPresent());
        assertThat(store.queue().get(leased).orElseThrow().state()).isEqualTo(QueueEntry.State.LEASED);
        assertThat(read(store.queue().get(recentFailed).orElseThrow().body())).isEqualTo("to recent-failed@peer.example");
        assertThat(store.queue().purgeFinishedBefore(clock.instant().minus(RETENTION))).isZero();
        assertThat(store.queue().purgeFinishedBefore(clock.instant().plusSeconds(1))).isEqualTo(2);
        assertThat(store.queue().pending(10)).extracting(QueueEntry::id).containsExactlyInAnyOrder(leased, pending);
    }

    @Test
    void purgingAFailedEntryKeepsABodyAMessageOrAnotherEntryStillRefersTo() {
        Folder in = inbox(mailbox("a@pec.example"));
        BlobId shared = store.blobs().put(text("the original"));
        store.messages().append(in.id(), shared, Set.of(), T0);
        BlobId twice = store.blobs().put(text("sent twice"));
        long failed = store.queue().enqueue(new NewQueueEntry(shared, "a@pec.example", "x@peer.example", "relay-pec", "id-s", T0));
        long failedToo = store.queue().enqueue(new NewQueueEntry(twice, "a@pec.example", "y@peer.example", "relay-pec", "id-t", T0));
        long open = store.queue().enqueue(new NewQueueEntry(twice, "a@pec.example", "z@peer.example", "relay-pec", "id-t",
                T0.plus(Duration.ofDays(60))));
        store.queue().lease("n", 10, Duration.ofMinutes(5));
        store.queue().fail(failed, "n", "550 5.1.1 no such user");
        store.queue().fail(failedToo, "n", "550 5.1.1 no such user");
        clock.advance(RETENTION.plusDays(1));

        assertThat(store.queue().purgeFinishedBefore(clock.instant().minus(RETENTION))).isEqualTo(2);

        assertThat(read(shared)).isEqualTo("the original");
        assertThat(read(twice)).isEqualTo("sent twice");
        assertThat(store.queue().get(open)).isPresent();
    }

    @Test
    void claimsOlderThanTheCutoffAreForgottenAndRecentOnesStillRefuseASecondClaim() {
        assertThat(store.claimOnce("consegna:old")).isTrue();
        clock.advance(Duration.ofDays(3));
        assertThat(store.claimOnce("consegna:recent")).isTrue();

        assertThat(store.purgeClaimsBefore(clock.instant().minus(Duration.ofDays(2)))).isEqualTo(1);

        assertThat(store.claimOnce("consegna:recent")).isFalse();
        assertThat(store.claimOnce("consegna:old")).as("forgotten, so claimable again").isTrue();
        assertThat(store.purgeClaimsBefore(clock.instant().minus(Duration.ofDays(2)))).isZero();
    }

    @Test
    void aPurgeLargerThanOneBatchRemovesEverythingOlderThanTheCutoff() {
        int claims = 10_001; // one more than a purge transaction removes
        store.inTransaction(s -> {
            for (int i = 0; i < claims; i++) {
                s.claimOnce("k-" + i);
            }
            return null;
        });
        clock.advance(Duration.ofDays(3));
        assertThat(store.claimOnce("recent")).isTrue();

        assertThat(store.purgeClaimsBefore(clock.instant().minus(Duration.ofDays(2)))).isEqualTo(claims);

        assertThat(store.claimOnce("k-0")).isTrue();
        assertThat(store.claimOnce("k-" + (claims - 1))).isTrue();
        assertThat(store.claimOnce("recent")).isFalse();
    }

    @Test
    void concurrentLeasesNeverHandOutAnEntryTwice() throws Exception {
        int entries = 120;
        for (int i = 0; i < entries; i++) {
            enqueue("r" + i + "@peer.example", T0);
        }
        Set<Long> taken = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                String owner = "node-" + w;
                workers.add(pool.submit(() -> {
                    List<QueueEntry> got;
                    while (!(got = store.queue().lease(owner, 7, Duration.ofMinutes(5))).isEmpty()) {
                        for (QueueEntry e : got) {
                            if (!taken.add(e.id())) {
                                duplicates.add(e.id());
                            }
                            store.queue().complete(e.id(), owner);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(duplicates).isEmpty();
        assertThat(taken).hasSize(entries);
        assertThat(store.queue().stats().pending()).isZero();
    }

    // ---------------------------------------------------------------- delivery tracking (digest 9.5)

    @Test
    void trackingFindsTheTwelveAndTwentyFourHourNoticesDue() {
        DeliveryTracking t = store.tracking();
        t.start("id", "taken@peer", T0, "ctx-1");
        t.start("id", "delivered@peer", T0, "ctx-2");
        t.start("id", "silent@peer", T0, "ctx-3");
        t.start("id", "failed@peer", T0, "ctx-4");
        t.start("id", "silent@peer", T0.plusSeconds(5), "ignored second start");
        t.markTakenInCharge("id", "taken@peer", T0.plusSeconds(60));
        t.markTakenInCharge("id", "delivered@peer", T0.plusSeconds(60));
        t.markDelivered("id", "delivered@peer", T0.plusSeconds(120));
        t.markFailed("id", "failed@peer", T0.plusSeconds(120));
        Instant twelveHoursLater = T0.plus(Duration.ofHours(12));
        assertThat(t.warningsDue(twelveHoursLater, 10)).extracting(DeliveryTracking.Tracked::recipient)
                .containsExactly("silent@peer");
        assertThat(t.warningsDue(T0.minusSeconds(1), 10)).isEmpty();
        t.markWarned("id", "silent@peer", twelveHoursLater);
        assertThat(t.warningsDue(twelveHoursLater, 10)).isEmpty();
        assertThat(t.finalsDue(T0.plus(Duration.ofHours(24)), 10)).extracting(DeliveryTracking.Tracked::recipient)
                .containsExactlyInAnyOrder("taken@peer", "silent@peer");
        t.markFinalNoticeSent("id", "silent@peer", T0.plus(Duration.ofHours(24)));
        assertThat(t.finalsDue(T0.plus(Duration.ofHours(24)), 10)).extracting(DeliveryTracking.Tracked::recipient)
                .containsExactly("taken@peer");
        DeliveryTracking.Tracked silent = t.forReference("id").stream()
                .filter(x -> x.recipient().equals("silent@peer")).findFirst().orElseThrow();
        assertThat(silent.context()).isEqualTo("ctx-3");
        assertThat(silent.startedAt()).isEqualTo(T0);
        assertThat(silent.warnedAt()).isEqualTo(twelveHoursLater);
        assertThat(silent.closedAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(silent.takenInChargeAt()).isNull();
        assertReason(() -> t.markDelivered("nope", "x", T0), Reason.NOT_FOUND);
    }

    // ---------------------------------------------------------------- legal log (digest 9.9)

    @Test
    void logRecordsAreChainedAndVerify() {
        LogRecord r1 = store.legalLog().append(event("id-1", T0, "accettazione", "a@pec.example", "b@peer.example"));
        LogRecord r2 = store.legalLog().append(event("id-1", T0.plusSeconds(1), "consegna", "a@pec.example", "b@peer.example"));
        assertThat(r1.previousHash()).isEqualTo("0".repeat(64));
        assertThat(r2.previousHash()).isEqualTo(r1.hash());
        assertThat(r2.sequence()).isEqualTo(r1.sequence() + 1);
        assertThat(r1.hash()).matches("[0-9a-f]{64}");
        LogVerification v = store.legalLog().verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo(2);
        assertThat(v.problem()).isEmpty();
    }

    @Test
    void theLogIsQueriedByIdentificativoAddressAndTime() {
        store.legalLog().append(event("id-1", T0, "accettazione", "a@pec.example", "b@peer.example", "c@peer.example"));
        store.legalLog().append(event("id-2", T0.plusSeconds(10), "accettazione", "d@pec.example", "C@Peer.example"));
        store.legalLog().append(event("id-1", T0.plusSeconds(20), "consegna", "a@pec.example", "b@peer.example"));
        LogRecord stored = store.legalLog().query(new LogQuery(Optional.of("id-2"), Optional.empty(), Optional.empty(),
                Optional.empty(), 0)).get(0);
        assertThat(stored.event()).isEqualTo(event("id-2", T0.plusSeconds(10), "accettazione", "d@pec.example", "C@Peer.example"));
        assertThat(store.legalLog().query(new LogQuery(Optional.of("id-1"), Optional.empty(), Optional.empty(),
                Optional.empty(), 0))).extracting(r -> r.event().eventType()).containsExactly("accettazione", "consegna");
        assertThat(store.legalLog().query(new LogQuery(Optional.empty(), Optional.of("c@peer.example"), Optional.empty(),
                Optional.empty(), 0))).extracting(r -> r.event().identificativo()).containsExactly("id-1", "id-2");
        assertThat(store.legalLog().query(new LogQuery(Optional.empty(), Optional.of("A@pec.example"), Optional.empty(),
                Optional.empty(), 1))).hasSize(1);
        assertThat(store.legalLog().query(new LogQuery(Optional.empty(), Optional.empty(), Optional.of(T0.plusSeconds(10)),
                Optional.of(T0.plusSeconds(20)), 0))).extracting(r -> r.event().identificativo()).containsExactly("id-2");
    }

    @Test
    void concurrentAppendsWithFailingOnesLeaveAnUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LogRecord>> all = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                boolean fail = i % 4 == 0;
                String id = "id-" + i;
                all.add(pool.submit(() -> store.inTransaction(s -> {
                    LogRecord r = s.legalLog().append(event(id, T0, "accettazione", "a@pec.example", "b@peer.example"));
                    if (fail) {
                        throw new IllegalStateException("doomed");
                    }
                    return r;
                })));
            }
            List<Long> sequences = new ArrayList<>();
            for (Future<LogRecord> f : all) {
                try {
                    sequences.add(f.get(60, TimeUnit.SECONDS).sequence());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).hasMessage("doomed");
                }
            }
            Collections.sort(sequences);
            assertThat(sequences).hasSize(90).first().isEqualTo(1L);
            assertThat(sequences.get(89)).as("no sequence number lost to the failed units").isEqualTo(90L);
            LogVerification v = store.legalLog().verify();
            assertThat(v.intact()).as(v.toString()).isTrue();
            assertThat(v.recordsChecked()).isEqualTo(90);
            assertThat(store.legalLog().append(event("after", T0, "consegna", "a@pec.example")).sequence()).isEqualTo(91);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTransactionReadsTheLogRecordsItAppended() {
        store.legalLog().append(event("id-0", T0, "accettazione", "a@pec.example", "b@peer.example"));
        store.inTransaction(s -> {
            s.legalLog().append(event("id-1", T0, "accettazione", "a@pec.example", "b@peer.example"));
            assertThat(s.legalLog().query(new LogQuery(Optional.empty(), Optional.of("b@peer.example"), Optional.empty(),
                    Optional.empty(), 0))).extracting(r -> r.event().identificativo()).containsExactly("id-0", "id-1");
            assertThat(s.legalLog().verify().recordsChecked()).isEqualTo(2);
            s.legalLog().append(event("id-2", T0, "consegna", "a@pec.example", "b@peer.example"));
            return null;
        });
        LogVerification v = store.legalLog().verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo(3);
    }

    @Test
    void aPurgeLeavesACheckpointThatVerifyAccepts() {
        for (int i = 0; i < 5; i++) {
            store.legalLog().append(event("old-" + i, T0.plus(Duration.ofDays(i)), "accettazione", "a@pec.example", "b@x"));
        }
        store.legalLog().append(event("new", T0.plus(Duration.ofDays(40)), "accettazione", "a@pec.example", "b@x"));
        LegalLog.PurgeResult purge = store.legalLog().purgeBefore(T0.plus(Duration.ofDays(3)));
        assertThat(purge.purged()).isEqualTo(3);
        assertThat(purge.checkpoint()).hasValueSatisfying(c -> assertThat(c.sequence()).isEqualTo(3));
        assertThat(store.legalLog().query(new LogQuery(Optional.empty(), Optional.of("a@pec.example"), Optional.empty(),
                Optional.empty(), 0))).extracting(r -> r.event().identificativo()).containsExactly("old-3", "old-4", "new");
        LogVerification v = store.legalLog().verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.recordsChecked()).isEqualTo(3);
        store.legalLog().append(event("newer", T0.plus(Duration.ofDays(41)), "consegna", "a@pec.example", "b@x"));
        assertThat(store.legalLog().purgeBefore(T0.plus(Duration.ofDays(2))).purged()).isZero();
        assertThat(store.legalLog().purgeBefore(T0.plus(Duration.ofDays(40))).purged()).isEqualTo(2);
        assertThat(store.legalLog().verify().intact()).isTrue();
        assertThat(store.legalLog().purgeBefore(T0.plus(Duration.ofDays(100))).purged()).isEqualTo(2);
        assertThat(store.legalLog().verify()).isEqualTo(new LogVerification(true, 0, Optional.empty(), Optional.empty()));
        assertThat(store.legalLog().append(event("after", T0.plus(Duration.ofDays(101)), "x", "a@pec.example")).sequence())
                .isEqualTo(8);
        assertThat(store.legalLog().verify().intact()).isTrue();
    }

    private void fiveLogRecords() {
        for (int i = 1; i <= 5; i++) {
            store.legalLog().append(event("id-" + i, T0.plusSeconds(i), "accettazione", "a@pec.example", "b@peer.example"));
        }
        assertThat(store.legalLog().verify().intact()).isTrue();
    }

    @Test
    void verifyDetectsAChangedRecord() {
        fiveLogRecords();
        executeSql("UPDATE legal_log SET subject = 'altered' WHERE seq = 3");
        LogVerification v = store.legalLog().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(3L);
    }

    @Test
    void verifyDetectsARecordChangedWithItsHashRecomputed() {
        fiveLogRecords();
        LogRecord third = store.legalLog().query(new LogQuery(Optional.of("id-3"), Optional.empty(), Optional.empty(),
                Optional.empty(), 0)).get(0);
        LogEvent forged = new LogEvent("id-3", third.event().time(), "accettazione", "mallory@pec.example",
                third.event().recipients(), third.event().subject(), third.event().relatedMessageIds(),
                third.event().peerProvider(), third.event().detail());
        String hash = it.pecgateway.mailstore.jdbc.LogHashing.hash(3, third.previousHash(), forged);
        executeSql("UPDATE legal_log SET sender = 'mallory@pec.example', hash = '" + hash + "' WHERE seq = 3");
        LogVerification v = store.legalLog().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(4L);
    }

    @Test
    void verifyDetectsARemovedRecord() {
        fiveLogRecords();
        executeSql("DELETE FROM legal_log WHERE seq = 2");
        LogVerification v = store.legalLog().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(2L);
    }

    @Test
    void verifyDetectsAGapInTheSequence() {
        fiveLogRecords();
        executeSql("UPDATE legal_log SET seq = 7 WHERE seq = 5");
        LogVerification v = store.legalLog().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(5L);
    }

    @Test
    void verifyDetectsRemovedRecordsAtTheEnd() {
        fiveLogRecords();
        executeSql("DELETE FROM legal_log WHERE seq >= 4");
        assertThat(store.legalLog().verify().intact()).isFalse();
    }

    @Test
    void verifyDetectsRecordsRemovedAtTheStartWithoutACheckpoint() {
        fiveLogRecords();
        executeSql("DELETE FROM legal_log WHERE seq = 1");
        LogVerification v = store.legalLog().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSequence()).contains(1L);
    }

    @Test
    void theLogRefusesLineBreaksInsideListValues() {
        assertReason(() -> store.legalLog().append(event("id", T0, "x", "a@pec.example", "b@x\nc@x")), Reason.INVALID);
    }

    @Test
    void aLogSubjectMayHoldAnyText() {
        LogEvent e = new LogEvent("id", T0, "accettazione", "a@pec.example", List.of("b@x"), "line one\nline two, ü",
                List.of(), Optional.empty(), Optional.of("detail"));
        store.legalLog().append(e);
        assertThat(store.legalLog().query(new LogQuery(Optional.of("id"), Optional.empty(), Optional.empty(),
                Optional.empty(), 0)).get(0).event()).isEqualTo(e);
        assertThat(store.legalLog().verify().intact()).isTrue();
    }

    // ---------------------------------------------------------------- holders, password history, credentials (issue 7)

    @Test
    void theHolderIsStoredAndGoesWithTheMailbox() {
        mailbox("a@pec.example");
        assertThat(store.accounts().holder("a@pec.example")).isEqualTo(Holder.none());
        Holder h = new Holder(Optional.of("RSSMRA85T10A562S"), Optional.of("mario@example.org"), Optional.of("+393331234567"));
        store.accounts().setHolder("A@pec.example", h);
        assertThat(store.accounts().holder("a@pec.example")).isEqualTo(h);
        store.accounts().deleteMailbox("a@pec.example");
        assertReason(() -> store.accounts().holder("a@pec.example"), Reason.NOT_FOUND);
        assertReason(() -> store.accounts().setHolder("a@pec.example", h), Reason.NOT_FOUND);
    }

    @Test
    void recentPasswordsAreRecognisedAsFarBackAsAsked() {
        store.accounts().addDomain("pec.example");
        store.accounts().createMailbox(new NewMailbox("a@pec.example", Optional.of("first".toCharArray()),
                MailboxState.ACTIVE, Optional.empty(), 0));
        for (String pw : List.of("second", "third", "fourth")) {
            store.accounts().setPassword("a@pec.example", pw.toCharArray());
        }
        assertThat(store.accounts().isRecentPassword("a@pec.example", "fourth".toCharArray(), 1)).isTrue();
        assertThat(store.accounts().isRecentPassword("a@pec.example", "third".toCharArray(), 1)).isFalse();
        assertThat(store.accounts().isRecentPassword("a@pec.example", "second".toCharArray(), 3)).isTrue();
        assertThat(store.accounts().isRecentPassword("a@pec.example", "first".toCharArray(), 3)).isFalse();
        assertThat(store.accounts().isRecentPassword("a@pec.example", "first".toCharArray(), 4)).isTrue();
        assertThat(store.accounts().isRecentPassword("a@pec.example", "never".toCharArray(), 24)).isFalse();
        assertReason(() -> store.accounts().isRecentPassword("nobody@pec.example", "x".toCharArray(), 3), Reason.NOT_FOUND);
    }

    @Test
    void thePasswordHistoryKeepsOnlyItsNewestHashesAndGoesWithTheMailbox() {
        mailbox("a@pec.example");
        for (int i = 0; i <= Accounts.PASSWORD_HISTORY; i++) {
            store.accounts().setPassword("a@pec.example", ("pw" + i).toCharArray());
        }
        assertThat(store.accounts().isRecentPassword("a@pec.example", "pw0".toCharArray(), 100)).isFalse();
        assertThat(store.accounts().isRecentPassword("a@pec.example", "pw1".toCharArray(), 100)).isTrue();
        store.accounts().deleteMailbox("a@pec.example");
        mailbox("a@pec.example");
        assertThat(store.accounts().isRecentPassword("a@pec.example", "pw5".toCharArray(), 24)).isFalse();
    }

    @Test
    void expiredMailboxesAreListedByExpiry() {
        mailbox("late@pec.example");
        mailbox("early@pec.example");
        mailbox("never@pec.example");
        mailbox("future@pec.example");
        store.accounts().setExpiry("late@pec.example", Optional.of(T0.minusSeconds(10)));
        store.accounts().setExpiry("early@pec.example", Optional.of(T0.minusSeconds(20)));
        store.accounts().setExpiry("future@pec.example", Optional.of(T0.plusSeconds(1)));
        assertThat(store.accounts().expiredBefore(T0)).extracting(Mailbox::address)
                .containsExactly("early@pec.example", "late@pec.example");
    }

    private static Credentials.NewCredential credential(String kind, String hash, String subject, Optional<Instant> expires) {
        return new Credentials.NewCredential(kind, hash, subject, "scope", "payload", T0, expires);
    }

    @Test
    void aCredentialIsFoundByKindAndHashUntilItExpires() {
        long id = store.credentials().issue(credential("session", "h1", "a@pec.example", Optional.of(T0.plusSeconds(60))));
        Credentials.Credential c = store.credentials().find("session", "h1", T0).orElseThrow();
        assertThat(c).isEqualTo(new Credentials.Credential(id, "session", "a@pec.example", "scope", "payload", T0,
                Optional.of(T0.plusSeconds(60))));
        assertThat(store.credentials().find("api-token", "h1", T0)).isEmpty();
        assertThat(store.credentials().find("session", "h2", T0)).isEmpty();
        assertThat(store.credentials().find("session", "h1", T0.plusSeconds(60))).isEmpty();
        assertReason(() -> store.credentials().issue(credential("other", "h1", "x", Optional.empty())), Reason.ALREADY_EXISTS);
    }

    @Test
    void aCredentialIsConsumedOnceEvenByRacingCallers() throws Exception {
        store.credentials().issue(credential("link", "once", "a@pec.example", Optional.empty()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(pool.submit(() -> store.credentials().consume("link", "once", T0).isPresent()));
            }
            int won = 0;
            for (Future<Boolean> f : tries) {
                won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.credentials().find("link", "once", T0)).isEmpty();
    }

    @Test
    void credentialsAreListedRevokedAndPurged() {
        long a = store.credentials().issue(credential("session", "s1", "a@pec.example", Optional.of(T0.plusSeconds(10))));
        store.credentials().issue(credential("session", "s2", "a@pec.example", Optional.of(T0.plusSeconds(100))));
        store.credentials().issue(credential("session", "s3", "b@pec.example", Optional.empty()));
        store.credentials().issue(credential("token", "t1", "ops", Optional.empty()));
        assertThat(store.credentials().list("session", Optional.of("a@pec.example"), T0)).hasSize(2);
        assertThat(store.credentials().list("session", Optional.empty(), T0.plusSeconds(10))).extracting(Credentials.Credential::subject)
                .containsExactly("a@pec.example", "b@pec.example");
        assertThat(store.credentials().revoke(a)).isTrue();
        assertThat(store.credentials().revoke(a)).isFalse();
        assertThat(store.credentials().purgeExpired(T0.plusSeconds(100))).isEqualTo(1);
        assertThat(store.credentials().revokeAll("session", "b@pec.example")).isEqualTo(1);
        assertThat(store.credentials().list("session", Optional.empty(), T0)).isEmpty();
        assertThat(store.credentials().list("token", Optional.empty(), T0)).hasSize(1);
    }

    @Test
    void credentialsTakePartInTransactions() {
        assertThatThrownBy(() -> store.inTransaction(tx -> {
            tx.credentials().issue(credential("session", "rolled-back", "a", Optional.empty()));
            throw new IllegalStateException("abort");
        })).hasMessage("abort");
        assertThat(store.credentials().find("session", "rolled-back", T0)).isEmpty();
    }
}
