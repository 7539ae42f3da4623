package it.pecgateway.receipts.testing;

import it.pecgateway.receipts.ByteSource;
import it.pecgateway.receipts.daticert.Daticert;
import it.pecgateway.receipts.daticert.DaticertParser;
import it.pecgateway.receipts.mime.HeaderField;
import it.pecgateway.receipts.mime.MimeNode;
import it.pecgateway.receipts.mime.MimeScanner;
import it.pecgateway.receipts.mime.TransferDecoding;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A written message taken apart for assertions: top headers, MIME tree, decoded text, daticert, postacert. */
public final class Inspection {
    private final byte[] bytes;
    private final MimeNode root;

    public Inspection(byte[] bytes) throws Exception {
        this.bytes = bytes;
        try (InputStream in = ByteSource.of(bytes).open()) {
            this.root = MimeScanner.scan(in);
        }
    }

    public MimeNode root() {
        return root;
    }

    public Optional<String> header(String name) {
        return root.headers().value(name);
    }

    public String headersText() {
        StringBuilder out = new StringBuilder();
        for (HeaderField f : root.headers().fields()) {
            out.append(new String(f.raw(), StandardCharsets.ISO_8859_1).replace("\r\n", "\n"));
        }
        return out.toString();
    }

    /** One line per entity: indentation, type, name and transfer encoding (boundaries left out). */
    public String tree() {
        StringBuilder out = new StringBuilder();
        tree(root, 0, out);
        return out.toString();
    }

    private static void tree(MimeNode n, int depth, StringBuilder out) {
        out.append("  ".repeat(depth)).append(n.type().mimeType());
        n.type().parameter("protocol").ifPresent(p -> out.append(" protocol=").append(p));
        n.type().parameter("micalg").ifPresent(p -> out.append(" micalg=").append(p));
        n.type().parameter("charset").ifPresent(p -> out.append(" charset=").append(p));
        n.fileName().ifPresent(f -> out.append(" name=").append(f));
        n.headers().value("Content-Transfer-Encoding").ifPresent(e -> out.append(" [").append(e).append(']'));
        out.append('\n');
        for (MimeNode c : n.children()) {
            tree(c, depth + 1, out);
        }
    }

    public String text(String mimeType) throws Exception {
        MimeNode node = first(root, mimeType).orElseThrow();
        return new String(decoded(node), StandardCharsets.ISO_8859_1);
    }

    public Optional<Daticert> daticert() throws Exception {
        Optional<MimeNode> part = root.find("daticert.xml");
        return part.isEmpty() ? Optional.empty() : Optional.of(DaticertParser.parse(decoded(part.get())));
    }

    public Optional<byte[]> daticertXml() throws Exception {
        Optional<MimeNode> part = root.find("daticert.xml");
        return part.isEmpty() ? Optional.empty() : Optional.of(decoded(part.get()));
    }

    public Optional<byte[]> postacert() throws Exception {
        Optional<MimeNode> part = root.find("postacert.eml");
        return part.isEmpty() ? Optional.empty()
                : Optional.of(ByteSource.of(bytes).slice(part.get().bodyStart(), part.get().bodyEnd()).readAll());
    }

    private byte[] decoded(MimeNode node) throws Exception {
        return TransferDecoding.decode(ByteSource.of(bytes).slice(node.bodyStart(), node.bodyEnd()),
                node.transferEncoding(), 1 << 22);
    }

    private static Optional<MimeNode> first(MimeNode n, String type) {
        if (n.type().mimeType().equals(type)) {
            return Optional.of(n);
        }
        for (MimeNode c : n.children()) {
            Optional<MimeNode> f = first(c, type);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }
}
