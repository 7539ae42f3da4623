package it.pecgateway.access.imap;

import it.pecgateway.access.mime.MimePart;
import it.pecgateway.access.mime.TextSearch;
import it.pecgateway.mailstore.MessageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One message being tested by SEARCH; its header and structure are read only if a key needs them. */
final class SearchTarget {
    final ImapSession session;
    final int msn;
    final MessageInfo info;
    private MimePart structure;
    private Map<String, List<String>> headers;
    private String headerText;

    SearchTarget(ImapSession session, int msn, MessageInfo info) {
        this.session = session;
        this.msn = msn;
        this.info = info;
    }

    MimePart structure() {
        if (structure == null) {
            structure = session.ctx.structure(info);
        }
        return structure;
    }

    /** Decoded values of a header field (lower-case name). */
    List<String> header(String name) {
        if (headers == null) {
            readHeaders();
        }
        return headers.getOrDefault(name, List.of());
    }

    private void readHeaders() {
        headers = new LinkedHashMap<>();
        byte[] bytes;
        try (InputStream in = open()) {
            bytes = in.readNBytes((int) Math.min(structure().bodyStart(), 4L * 1024 * 1024));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        headerText = new String(bytes, StandardCharsets.ISO_8859_1);
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : headerText.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(line);
                continue;
            }
            add(name, value);
            int colon = line.indexOf(':');
            name = colon > 0 ? line.substring(0, colon).trim().toLowerCase(Locale.ROOT) : null;
            value = new StringBuilder(colon > 0 ? line.substring(colon + 1) : "");
        }
        add(name, value);
    }

    private void add(String name, StringBuilder value) {
        if (name != null) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(TextSearch.decodeHeader(value.toString().trim()));
        }
    }

    private InputStream open() {
        return session.ctx.store().blobs().open(info.body());
    }

    boolean bodyContains(String needle) throws IOException {
        for (MimePart part : TextSearch.textParts(structure())) {
            if (TextSearch.contains(this::open, part, needle)) {
                return true;
            }
        }
        return false;
    }

    boolean headerContains(String needle) throws IOException {
        header("");
        return TextSearch.contains(new StringReader(TextSearch.decodeHeader(headerText)), needle);
    }
}
