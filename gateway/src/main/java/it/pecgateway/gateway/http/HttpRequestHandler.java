package it.pecgateway.gateway.http;

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
import io.netty.handler.timeout.ReadTimeoutException;
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
        String uri = request.uri();
        HttpVersion version = request.protocolVersion();
        boolean keepAlive = HttpUtil.isKeepAlive(request) && !request.decoderResult().isFailure();
        if (request.decoderResult().isFailure()) {
            write(ctx, version, false, method, HttpReply.error(400, "bad request"));
            return;
        }
        try {
            work.execute(() -> write(ctx, version, keepAlive, method, answer(method, uri)));
        } catch (RejectedExecutionException e) {
            write(ctx, version, false, method, HttpReply.error(503, "busy"));
        }
    }

    private HttpReply answer(String method, String uri) {
        try {
            return routes.handle(method, uri);
        } catch (RuntimeException e) {
            log.warn("{} {} failed", method, uri, e);
            return HttpReply.error(500, "internal error");
        }
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
