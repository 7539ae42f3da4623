package it.pecgateway.access.imap;

import it.pecgateway.access.mime.ContentType;
import it.pecgateway.access.mime.MimePart;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** BODY and BODYSTRUCTURE (RFC 3501 7.4.2) of a parsed message; {@code extended} adds the extension data. */
final class BodyStructureWriter {
    private BodyStructureWriter() {
    }

    static void write(ImapWriter out, MimePart part, boolean extended) throws IOException {
        ContentType type = part.contentType();
        if (type.isMultipart()) {
            multipart(out, part, extended);
        } else {
            single(out, part, extended);
        }
    }

    private static void multipart(ImapWriter out, MimePart part, boolean extended) throws IOException {
        out.raw("(");
        if (part.children().isEmpty()) {
            // RFC 3501 wants at least one part; a multipart without any shows an empty text part
            out.raw("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)");
        }
        for (MimePart child : part.children()) {
            write(out, child, extended);
        }
        out.raw(" ").nstringRaw(part.contentType().subtype());
        if (extended) {
            out.raw(" ");
            params(out, part.contentType().params().stream().toList());
            out.raw(" ");
            disposition(out, part);
            out.raw(" ");
            language(out, part);
            out.raw(" ").nstringRaw(part.field("content-location").orElse(null));
        }
        out.raw(")");
    }

    private static void single(ImapWriter out, MimePart part, boolean extended) throws IOException {
        ContentType type = part.contentType();
        out.raw("(").nstringRaw(type.type()).raw(" ").nstringRaw(type.subtype()).raw(" ");
        params(out, type.params());
        out.raw(" ").nstringRaw(part.field("content-id").orElse(null));
        out.raw(" ").nstringRaw(part.field("content-description").orElse(null));
        out.raw(" ").nstringRaw(part.field("content-transfer-encoding").orElse("7bit"));
        out.raw(" " + part.bodySize());
        Optional<MimePart> message = part.message();
        if (type.is("message", "rfc822") && message.isPresent()) {
            out.raw(" ");
            EnvelopeWriter.write(out, message.get());
            out.raw(" ");
            write(out, message.get(), extended);
            out.raw(" " + part.bodyLines());
        } else if (type.isText()) {
            out.raw(" " + part.bodyLines());
        }
        if (extended) {
            out.raw(" ").nstringRaw(part.field("content-md5").orElse(null));
            out.raw(" ");
            disposition(out, part);
            out.raw(" ");
            language(out, part);
            out.raw(" ").nstringRaw(part.field("content-location").orElse(null));
        }
        out.raw(")");
    }

    private static void params(ImapWriter out, List<ContentType.Param> params) throws IOException {
        if (params.isEmpty()) {
            out.raw("NIL");
            return;
        }
        out.raw("(");
        boolean first = true;
        for (ContentType.Param p : params) {
            out.raw(first ? "" : " ").nstringRaw(p.name()).raw(" ").nstringRaw(p.value());
            first = false;
        }
        out.raw(")");
    }

    private static void disposition(ImapWriter out, MimePart part) throws IOException {
        Optional<ContentType> d = part.field("content-disposition").flatMap(ContentType::parseDisposition);
        if (d.isEmpty()) {
            out.raw("NIL");
            return;
        }
        out.raw("(").nstringRaw(d.get().type()).raw(" ");
        params(out, d.get().params());
        out.raw(")");
    }

    private static void language(ImapWriter out, MimePart part) throws IOException {
        Optional<String> value = part.field("content-language");
        if (value.isEmpty()) {
            out.raw("NIL");
            return;
        }
        List<String> tags = Arrays.stream(value.get().split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        if (tags.isEmpty()) {
            out.raw("NIL");
            return;
        }
        if (tags.size() == 1) {
            out.nstringRaw(tags.get(0));
            return;
        }
        out.raw("(");
        for (int i = 0; i < tags.size(); i++) {
            out.raw(i == 0 ? "" : " ").nstringRaw(tags.get(i));
        }
        out.raw(")");
    }
}
