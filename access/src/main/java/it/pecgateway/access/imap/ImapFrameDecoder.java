package it.pecgateway.access.imap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import it.pecgateway.access.AccessMetrics;
import it.pecgateway.access.AccessSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames IMAP client input into {@link ImapFrame}s: lines with their literals (RFC 3501 synchronising
 * {@code {n}}, asking the client with "+", and RFC 7888 non-synchronising {@code {n+}}). Literal bytes are data,
 * never lines: a CRLF inside a literal cannot start a command. Caps line length, literal size and the heap one
 * command may hold; large literals are spooled to disk.
 */
final class ImapFrameDecoder extends ByteToMessageDecoder {
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d{1,19})(\\+?)\\}$");
    private static final int IN_MEMORY_LITERAL = 256 * 1024;
    private static final int MAX_PIECES = 2000;
    /** Before login only credentials travel in literals: a stranger may not upload messages to our disk. */
    private static final long MAX_LITERAL_BEFORE_LOGIN = 8 * 1024;
    private static final byte[] CONTINUE = "+ Ready for literal data\r\n".getBytes(StandardCharsets.US_ASCII);

    private final AccessSettings settings;
    private final AccessMetrics metrics;
    private List<Object> pieces = new ArrayList<>();
    private long heapBytes;
    private long literalLeft = -1;
    private ByteArrayOutputStream heapLiteral;
    private LiteralSpool spool;
    private boolean closing;
    private volatile boolean loggedIn;

    ImapFrameDecoder(AccessSettings settings, AccessMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws IOException {
        while (!closing && in.isReadable()) {
            if (literalLeft >= 0 && !readLiteral(in)) {
                return;
            }
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                if (in.readableBytes() >= settings.maxLineLength()) {
                    fail(ctx, in, "* BYE Line too long\r\n");
                }
                return;
            }
            int length = eol - in.readerIndex() + 1;
            if (length > settings.maxLineLength()) {
                fail(ctx, in, "* BYE Line too long\r\n");
                return;
            }
            String line = in.readCharSequence(length, StandardCharsets.UTF_8).toString();
            line = line.substring(0, line.length() - (line.endsWith("\r\n") ? 2 : 1));
            Matcher m = LITERAL.matcher(line);
            if (!m.find()) {
                pieces.add(line);
                out.add(new ImapFrame(pieces));
                pieces = new ArrayList<>();
                heapBytes = 0;
                continue;
            }
            pieces.add(line.substring(0, m.start()));
            heapBytes += length;
            startLiteral(ctx, in, m);
        }
    }

    private void startLiteral(ChannelHandlerContext ctx, ByteBuf in, Matcher m) throws IOException {
        long size;
        try {
            size = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            size = Long.MAX_VALUE;
        }
        boolean synchronising = m.group(2).isEmpty();
        long cap = loggedIn ? settings.maxLiteralBytes() : MAX_LITERAL_BEFORE_LOGIN;
        if (size > cap || pieces.size() > MAX_PIECES || heapBytes > 8L * settings.maxLineLength()) {
            if (synchronising) {
                // the client sends nothing more for this command: refuse it and forget it
                String tag = tagOf((String) pieces.get(0));
                discardPieces();
                ctx.writeAndFlush(Unpooled.copiedBuffer(tag + " NO [TOOBIG] Literal too large\r\n", StandardCharsets.US_ASCII));
                return;
            }
            fail(ctx, in, "* BYE [TOOBIG] Literal too large\r\n");
            return;
        }
        if (size <= IN_MEMORY_LITERAL && heapBytes + size <= settings.maxLineLength() + 4L * IN_MEMORY_LITERAL) {
            heapLiteral = new ByteArrayOutputStream((int) size);
            heapBytes += size;
        } else {
            spool = new LiteralSpool(settings.spoolDirectory(), size);
        }
        literalLeft = size;
        if (synchronising) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(CONTINUE));
        }
    }

    /** Consumes literal bytes; true when the literal is complete. */
    private boolean readLiteral(ByteBuf in) {
        int n = (int) Math.min(in.readableBytes(), literalLeft);
        if (heapLiteral != null) {
            byte[] chunk = new byte[n];
            in.readBytes(chunk);
            heapLiteral.write(chunk, 0, n);
        } else if (n > 0) {
            spool.write(in.readSlice(n));
        }
        literalLeft -= n;
        if (literalLeft > 0) {
            return false;
        }
        pieces.add(heapLiteral != null ? new Literal.InMemory(heapLiteral.toByteArray()) : new Literal.Spooled(spool));
        heapLiteral = null;
        spool = null;
        literalLeft = -1;
        return true;
    }

    /** The session logged in: literals up to the configured maximum are accepted from now on. */
    void loggedIn() {
        loggedIn = true;
    }

    static String tagOf(String line) {
        int space = line.indexOf(' ');
        String tag = space < 0 ? line : line.substring(0, space);
        return ImapReader.isTag(tag) ? tag : "*";
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String bye) {
        closing = true;
        metrics.refused(AccessMetrics.Protocol.IMAP, AccessMetrics.Refusal.LINE_TOO_LONG);
        in.skipBytes(in.readableBytes());
        discardPieces();
        ctx.writeAndFlush(Unpooled.copiedBuffer(bye, StandardCharsets.US_ASCII)).addListener(ChannelFutureListener.CLOSE);
    }

    /** After STARTTLS: whatever the client sent in plaintext behind the command is dropped (no injection). */
    void discardBuffered() {
        ByteBuf buffered = internalBuffer();
        buffered.skipBytes(buffered.readableBytes());
        discardPieces();
    }

    private void discardPieces() {
        new ImapFrame(pieces).discardLiterals();
        pieces = new ArrayList<>();
        heapBytes = 0;
        if (spool != null) {
            spool.delete();
            spool = null;
        }
        heapLiteral = null;
        literalLeft = -1;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        discardPieces();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        discardPieces();
        super.channelInactive(ctx);
    }
}
