package it.pecgateway.gateway.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a decoded request into the routes' answer. The routes run on {@code work}, never on the event loop
 * (a health check reads the database). Failures become a bare 400, 500 or 503: never a stack trace.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);

    private final HttpRoutes routes;
    private final Executor work;

    HttpRequestHandler(HttpRoutes routes, Executor work) {
        this.routes = routes;
        this.work = work;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        // the request is released when this method returns: keep only what the answer needs
        String method = request.method().name();
        HttpVersion version = request.protocolVersion();
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !request.decoderResult().isFailure();
        if (request.decoderResult().isFailure()) {
            write(ctx, version, false, method, HttpReply.error(400, "bad request"));
            return;
        }
        HttpRequest copy = copy(ctx, request);
        try {
            work.execute(() -> write(ctx, version, keepAlive, method, answer(copy)));
        } catch (RejectedExecutionException e) {
            write(ctx, version, false, method, HttpReply.error(503, "busy"));
        }
    }

    private HttpReply answer(HttpRequest request) {
        try {
            return routes.handle(request);
        } catch (RuntimeException e) {
            log.warn("{} failed", request, e);
            return HttpReply.error(500, "internal error");
        }
    }

    /** A Netty-free copy; {@code secure} when the connection has a TLS handler (implicit, or chosen by its first bytes). */
    private static HttpRequest copy(ChannelHandlerContext ctx, FullHttpRequest request) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        return new HttpRequest(request.method().name(), q < 0 ? uri : uri.substring(0, q),
                q < 0 ? java.util.Map.of() : HttpRequest.parseQuery(uri.substring(q + 1)),
                HttpRequest.headers(request.headers().entries()), ByteBufUtil.getBytes(request.content()),
                ctx.pipeline().get(SslHandler.class) != null,
                ctx.channel().remoteAddress() instanceof InetSocketAddress a ? Optional.of(a) : Optional.empty());
    }

    private static void write(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive, String method, HttpReply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(reply.status()),
                method.equals("HEAD") ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        reply.headers().forEach(response.headers()::set);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof ReadTimeoutException)) {
            log.debug("HTTP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
