package it.pecgateway.access.imap;

import it.pecgateway.access.mime.Address;
import it.pecgateway.access.mime.AddressParser;
import it.pecgateway.access.mime.MimePart;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** ENVELOPE (RFC 3501 7.4.2) from a message's header fields; raw values, as stored. */
final class EnvelopeWriter {
    private EnvelopeWriter() {
    }

    static void write(ImapWriter out, MimePart message) throws IOException {
        out.raw("(");
        out.nstringRaw(message.field("date").orElse(null)).raw(" ");
        out.nstringRaw(message.field("subject").orElse(null)).raw(" ");
        Optional<String> from = message.fields().joined("from");
        addresses(out, from);
        out.raw(" ");
        addresses(out, message.fields().joined("sender").or(() -> from));
        out.raw(" ");
        addresses(out, message.fields().joined("reply-to").or(() -> from));
        for (String field : List.of("to", "cc", "bcc")) {
            out.raw(" ");
            addresses(out, message.fields().joined(field));
        }
        out.raw(" ");
        out.nstringRaw(message.field("in-reply-to").orElse(null)).raw(" ");
        out.nstringRaw(message.field("message-id").orElse(null)).raw(")");
    }

    private static void addresses(ImapWriter out, Optional<String> value) throws IOException {
        List<Address> list = value.map(AddressParser::parse).orElse(List.of());
        if (list.isEmpty()) {
            out.raw("NIL");
            return;
        }
        out.raw("(");
        for (Address a : list) {
            out.raw("(");
            out.nstringRaw(a.name()).raw(" ");
            out.nstringRaw(a.route()).raw(" ");
            out.nstringRaw(a.mailbox()).raw(" ");
            out.nstringRaw(a.host()).raw(")");
        }
        out.raw(")");
    }
}
