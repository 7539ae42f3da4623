package it.pecgateway.access.clients;

import static org.assertj.core.api.Assertions.assertThat;

import it.pecgateway.access.support.AccessFixture;
import it.pecgateway.access.support.SharedFiles;
import it.pecgateway.mailstore.Mailbox;
import jakarta.mail.BodyPart;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

/** Angus Mail (the Jakarta Mail implementation) as an IMAPS and POP3S client against the real SQLite store. */
class AngusMailClientsTest {
    static final AccessFixture fx = AccessFixture.shared();

    static Session session(String protocol) {
        Properties p = new Properties();
        p.put("mail." + protocol + ".ssl.enable", "true");
        p.put("mail." + protocol + ".ssl.socketFactory", fx.pki.clientContext().getSocketFactory());
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        p.put("mail." + protocol + ".connectiontimeout", "10000");
        p.put("mail." + protocol + ".timeout", "10000");
        return Session.getInstance(p);
    }

    static Store connect(String protocol, Mailbox m, int port) throws Exception {
        Store store = session(protocol).getStore(protocol);
        store.connect("localhost", port, m.address(), AccessFixture.PASSWORD);
        return store;
    }

    @Test
    void imapsReadsFlagsAppendsAndCopies() throws Exception {
        Mailbox m = fx.mailbox("angus");
        fx.deliver(m, AccessFixture.message("Benvenuto", "Prima riga\r\nSeconda riga"));
        Store store = connect("imaps", m, fx.imapAddress.getPort());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] messages = inbox.getMessages();
            FetchProfile fp = new FetchProfile();
            fp.add(FetchProfile.Item.ENVELOPE);
            fp.add(FetchProfile.Item.FLAGS);
            fp.add(FetchProfile.Item.CONTENT_INFO);
            inbox.fetch(messages, fp);
            assertThat(messages).hasSize(1);
            assertThat(messages[0].getSubject()).isEqualTo("Benvenuto");
            assertThat(((InternetAddress) messages[0].getFrom()[0]).getAddress()).isEqualTo("mario.rossi@pec.example.it");
            assertThat(messages[0].getContentType()).startsWith("text/plain");
            assertThat(((String) messages[0].getContent()).trim()).isEqualTo("Prima riga\r\nSeconda riga");
            messages[0].setFlag(Flags.Flag.FLAGGED, true);
            assertThat(messages[0].isSet(Flags.Flag.SEEN)).isTrue();

            MimeMessage draft = new MimeMessage(session("imaps"));
            draft.setSubject("Bozza");
            draft.setText("testo della bozza");
            Folder drafts = store.getFolder("Bozze");
            assertThat(drafts.create(Folder.HOLDS_MESSAGES)).isTrue();
            drafts.appendMessages(new Message[] {draft});
            inbox.copyMessages(messages, drafts);
            drafts.open(Folder.READ_ONLY);
            assertThat(drafts.getMessageCount()).isEqualTo(2);
            assertThat(((IMAPFolder) drafts).getUIDNext()).isEqualTo(3);
            drafts.close(false);
            inbox.close(false);
        } finally {
            store.close();
        }
        assertThat(fx.store.messages().get(fx.inbox(m).id(), 1).orElseThrow().flags()).contains("\\Seen", "\\Flagged");
    }

    @Test
    void imapsReturnsASignedReceiptWhoseSignedPartIsByteExact() throws Exception {
        Mailbox m = fx.mailbox("angussigned");
        Path eml;
        try (Stream<Path> files = Files.list(SharedFiles.realFixtures())) {
            eml = files.filter(p -> p.toString().endsWith(".eml")).sorted().findFirst().orElseThrow();
        }
        byte[] original = Files.readAllBytes(eml);
        fx.deliver(m, original);
        Store store = connect("imaps", m, fx.imapAddress.getPort());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message message = inbox.getMessage(1);
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            message.writeTo(whole);
            assertThat(whole.toByteArray()).isEqualTo(original);
            MimeMultipart signed = (MimeMultipart) message.getContent();
            assertThat(signed.getContentType()).startsWith("multipart/signed");
            BodyPart signature = signed.getBodyPart(1);
            assertThat(signature.getContentType()).startsWith("application/x-pkcs7-signature");
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void imapsIdleHearsOfNewMail() throws Exception {
        Mailbox m = fx.mailbox("angusidle");
        Store store = connect("imaps", m, fx.imapAddress.getPort());
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            CountDownLatch added = new CountDownLatch(1);
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    added.countDown();
                }
            });
            Thread idler = new Thread(() -> {
                try {
                    inbox.idle(true);
                } catch (Exception ignored) {
                    // the test asserts on the latch
                }
            });
            idler.start();
            Thread.sleep(300);
            fx.deliver(m, AccessFixture.message("arrivo", "nuovo"));
            assertThat(added.await(2, TimeUnit.SECONDS)).isTrue();
            idler.join(5000);
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void pop3sRetrievesAndDeletes() throws Exception {
        Mailbox m = fx.mailbox("anguspop");
        fx.deliver(m, AccessFixture.message("primo", "uno"));
        fx.deliver(m, AccessFixture.message("secondo", "due"));
        Store store = connect("pop3s", m, fx.pop3Address.getPort());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(2);
            assertThat(messages[1].getSubject()).isEqualTo("secondo");
            assertThat(((String) messages[0].getContent()).trim()).isEqualTo("uno");
            assertThat(((org.eclipse.angus.mail.pop3.POP3Folder) inbox).getUID(messages[0])).endsWith(".1");
            messages[0].setFlag(Flags.Flag.DELETED, true);
            inbox.close(true);
        } finally {
            store.close();
        }
        Thread.sleep(100);
        assertThat(fx.store.messages().uids(fx.inbox(m).id())).containsExactly(2L);
    }
}
