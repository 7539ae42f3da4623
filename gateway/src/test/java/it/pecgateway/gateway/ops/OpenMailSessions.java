package it.pecgateway.gateway.ops;

import it.pecgateway.gateway.Gateway;
import it.pecgateway.mailstore.BodySource;
import it.pecgateway.mailstore.MailStore;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * A holder's mail sessions on one gateway node: Angus Mail over IMAPS with INBOX open read-write and idling (IMAP
 * IDLE, in a thread of its own), and a POP3S session (raw TLS) with message 1 marked deleted. Tests change the
 * mailbox and see both end.
 */
final class OpenMailSessions implements AutoCloseable {
    private final Store imap;
    private final CompletableFuture<Exception> imapEnd;
    private final SSLSocket pop3;
    private final BufferedReader pop3In;

    private OpenMailSessions(Store imap, IMAPFolder inbox, SSLSocket pop3, BufferedReader pop3In) {
        this.imap = imap;
        this.pop3 = pop3;
        this.pop3In = pop3In;
        this.imapEnd = CompletableFuture.supplyAsync(() -> {
            try {
                inbox.idle();
                return null;
            } catch (MessagingException e) {
                return e;
            }
        });
    }

    /** Puts one message in INBOX (so that POP3 has something to delete) and opens both sessions. */
    static OpenMailSessions open(Gateway node, SSLContext trust, String address, String password) throws Exception {
        MailStore store = node.store();
        long mailbox = store.accounts().find(address).orElseThrow().id();
        store.messages().append(store.folders().find(mailbox, "INBOX").orElseThrow().id(),
                BodySource.of("Subject: uno\r\n\r\nuno\r\n".getBytes(StandardCharsets.US_ASCII)), Set.of(), Instant.now());
        Store imap = imapStore(trust);
        imap.connect("localhost", port(node, "imaps"), address, password);
        IMAPFolder inbox = (IMAPFolder) imap.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        SSLSocket pop3 = pop3Socket(node, trust);
        BufferedReader in = new BufferedReader(new InputStreamReader(pop3.getInputStream(), StandardCharsets.UTF_8));
        String loggedIn = pop3Login(pop3, in, address, password);
        PrintWriter out = new PrintWriter(pop3.getOutputStream(), true, StandardCharsets.UTF_8);
        out.print("DELE 1\r\n");
        out.flush();
        String deleted = in.readLine();
        if (!loggedIn.startsWith("+OK") || !deleted.startsWith("+OK")) {
            throw new AssertionError("POP3 session not ready: " + loggedIn + " / " + deleted);
        }
        return new OpenMailSessions(imap, inbox, pop3, in);
    }

    /**
     * Waits at most {@code limit} in all for both sessions to end: IDLE must end with the folder closed by the
     * server's BYE, and the POP3 connection must be closed by the server without another line.
     */
    void awaitEnd(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Exception imapFailure;
        try {
            imapFailure = imapEnd.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the IMAP session is still idling after " + limit, e);
        }
        // StoreClosedException when the BYE came before the IDLE command was even sent
        if (!(imapFailure instanceof FolderClosedException) && !(imapFailure instanceof StoreClosedException)) {
            throw new AssertionError("IDLE did not end with the connection closed by the server", imapFailure);
        }
        pop3.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        try {
            String line = pop3In.readLine();
            if (line != null) {
                throw new AssertionError("POP3 sent a line instead of closing: " + line);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the POP3 session is still open after " + limit, e);
        } catch (IOException reset) {
            // the server reset the connection: closed too
        }
    }

    /** The reply to PASS of a new POP3 login. */
    static String pop3Login(Gateway node, SSLContext trust, String address, String password) throws IOException {
        try (SSLSocket s = pop3Socket(node, trust)) {
            return pop3Login(s, new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)),
                    address, password);
        }
    }

    /**
     * Logs in over IMAPS and opens INBOX in the given mode: "read-write", "read-only" (the server's SELECT said
     * [READ-ONLY], so a read-write open is refused), or "login refused".
     */
    static String imapOpen(Gateway node, SSLContext trust, String address, String password, int mode) throws MessagingException {
        Store store = imapStore(trust);
        try {
            store.connect("localhost", port(node, "imaps"), address, password);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return "login refused";
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            try {
                inbox.open(mode);
            } catch (jakarta.mail.ReadOnlyFolderException e) {
                return "read-only";
            }
            String opened = inbox.getMode() == Folder.READ_WRITE ? "read-write" : "read-only";
            inbox.close(false);
            return opened;
        } finally {
            store.close();
        }
    }

    private static String pop3Login(SSLSocket s, BufferedReader in, String address, String password) throws IOException {
        PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
        in.readLine();
        out.print("USER " + address + "\r\n");
        out.flush();
        in.readLine();
        out.print("PASS " + password + "\r\n");
        out.flush();
        return in.readLine();
    }

    private static Store imapStore(SSLContext trust) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imaps.ssl.socketFactory", trust.getSocketFactory());
        p.put("mail.imaps.ssl.checkserveridentity", "true");
        p.put("mail.imaps.timeout", "20000");
        return Session.getInstance(p).getStore("imaps");
    }

    private static SSLSocket pop3Socket(Gateway node, SSLContext trust) throws IOException {
        SSLSocket s = (SSLSocket) trust.getSocketFactory().createSocket("localhost", port(node, "pop3s"));
        s.setSoTimeout(20_000);
        s.startHandshake();
        return s;
    }

    private static int port(Gateway node, String listener) {
        return node.access().address(listener).orElseThrow().getPort();
    }

    @Override
    public void close() throws IOException, MessagingException {
        pop3.close();
        imap.close();
    }
}
