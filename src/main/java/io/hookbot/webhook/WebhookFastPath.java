package io.hookbot.webhook;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * One HTTP/1 connection's webhooks taken straight off the Netty pipeline, in front of Micronaut's request handler:
 * a {@code POST /webhooks/{channel}} with a {@code Content-Length} body is read here, given to
 * {@link WebhookReception} and answered here, without Micronaut's routing, filters and reactive plumbing, which cost
 * a webhook more CPU than all of hookbot's own work on it (docs/benchmarks.md, "The webhook fast path"). Every other
 * call, and a webhook this handler would have to treat specially (a chunked body, {@code Expect: 100-continue}, one
 * larger than {@code micronaut.server.max-request-size}, or one pipelined behind a call Micronaut has not answered
 * yet), passes to Micronaut unchanged, where {@link WebhookController} answers it the same way.
 *
 * <p>Order on the connection is kept: a webhook is taken only when Micronaut owes no answer on it, and while a
 * webhook is read or answered here, Micronaut's requests to read more wait (HTTP/1 answers in the order asked).
 * Runs on the connection's event loop only; the answer, which may complete on the inbox's thread, is written from
 * the event loop.
 */
final class WebhookFastPath extends ChannelDuplexHandler {

    static final String PREFIX = "/webhooks/";
    /** Shared by every connection's handler; a stale read formats the second again, no harm. */
    private static volatile DateHeader date = new DateHeader(-1, "");

    private final WebhookReception reception;
    private final WebhookAnswers answers;
    private final long maxBody;

    /** A webhook being read: its channel, its request line and headers, and its body so far. */
    private Taking taking;
    /** Whether a webhook of this handler's is being stored and answered. */
    private boolean answering;
    /** Requests Micronaut was given and has not finished answering. */
    private int owedByMicronaut;
    /** Whether the response Micronaut is writing is an interim one (100 Continue), which ends no request. */
    private boolean interim;
    /** Messages that arrived while a webhook was being answered, handled after it in order. */
    private final Queue<Object> waiting = new ArrayDeque<>(0);

    WebhookFastPath(WebhookReception reception, WebhookAnswers answers, long maxBody) {
        this.reception = reception;
        this.answers = answers;
        this.maxBody = maxBody;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (answering) {
            waiting.add(msg);
            return;
        }
        if (taking != null) {
            if (msg instanceof HttpContent content) {
                take(ctx, content);
            } else {
                // nothing but a body's parts can follow a request line; hand it on rather than guess
                ctx.fireChannelRead(msg);
            }
            return;
        }
        if (msg instanceof HttpRequest request) {
            String channel = owedByMicronaut == 0 ? webhookChannel(request) : null;
            if (channel == null) {
                owedByMicronaut++;
                ctx.fireChannelRead(msg);
                return;
            }
            taking = new Taking(channel, request, (int) HttpUtil.getContentLength(request, 0L));
            if (msg instanceof HttpContent content) {
                take(ctx, content);
            } else {
                ctx.read();
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (taking != null || answering) {
            // Micronaut's wish to read on waits for this webhook's answer, after which the connection reads on
            return;
        }
        ctx.read();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        // only Micronaut's writes pass here (this handler writes from its own context, past itself)
        if (msg instanceof HttpResponse response) {
            interim = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        }
        if (msg instanceof LastHttpContent && !interim && owedByMicronaut > 0) {
            owedByMicronaut--;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (taking != null) {
            taking.release();
            taking = null;
        }
        Object left;
        while ((left = waiting.poll()) != null) {
            ReferenceCountUtil.release(left);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (taking != null) {
            taking.release();
            taking = null;
        }
    }

    /**
     * @return the channel named by a webhook this handler answers itself, or {@code null} to leave the call to
     *         Micronaut
     */
    private String webhookChannel(HttpRequest request) {
        if (request.method() != HttpMethod.POST || !request.decoderResult().isSuccess()
                || request.protocolVersion().majorVersion() != 1
                || !request.uri().startsWith(PREFIX)
                || HttpUtil.isTransferEncodingChunked(request)
                || request.headers().contains(HttpHeaderNames.EXPECT)) {
            return null;
        }
        long length = HttpUtil.getContentLength(request, -1L);
        if (length < 0 || length > maxBody) {
            return null;
        }
        String uri = request.uri();
        int end = uri.indexOf('?');
        String path = end < 0 ? uri : uri.substring(0, end);
        // exactly one path segment, as the route's /webhooks/{channel} matches
        if (path.length() == PREFIX.length() || path.indexOf('/', PREFIX.length()) >= 0 || path.indexOf('#') >= 0) {
            return null;
        }
        try {
            return QueryStringDecoder.decodeComponent(path.substring(PREFIX.length()));
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private void take(ChannelHandlerContext ctx, HttpContent content) {
        Taking call = taking;
        try {
            call.append(content.content());
        } finally {
            content.release();
        }
        if (!(content instanceof LastHttpContent)) {
            ctx.read();
            return;
        }
        taking = null;
        answering = true;
        boolean keepAlive = HttpUtil.isKeepAlive(call.request);
        HttpVersion version = call.request.protocolVersion();
        long started = System.nanoTime();
        try {
            reception.receive(call.channel, call.toCall()).whenComplete((response, failure) -> {
                if (ctx.executor().inEventLoop()) {
                    answer(ctx, answers.of(version, response, failure, started), keepAlive);
                } else {
                    ctx.executor().execute(() -> answer(ctx, answers.of(version, response, failure, started),
                            keepAlive));
                }
            });
        } catch (RuntimeException bug) {
            answer(ctx, answers.of(version, null, bug, started), keepAlive);
        }
    }

    private void answer(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setKeepAlive(response, keepAlive);
        response.headers().set(HttpHeaderNames.DATE, date());
        if (keepAlive) {
            ctx.writeAndFlush(response, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
        answering = false;
        Object next;
        while (!answering && taking == null && (next = waiting.poll()) != null) {
            channelRead(ctx, next);
        }
        if (!answering && taking == null) {
            // the read that brought this webhook was Micronaut's; whether or not it asked again meanwhile, the
            // connection reads on (with auto-read off, nobody else would)
            ctx.read();
        }
    }

    /** @return the {@code Date} header's value, formatted once a second (HTTP dates have whole seconds) */
    private static String date() {
        long second = System.currentTimeMillis() / 1000;
        DateHeader cached = date;
        if (cached.second != second) {
            cached = new DateHeader(second, DateFormatter.format(new Date(second * 1000)));
            date = cached;
        }
        return cached.value;
    }

    private record DateHeader(long second, String value) {
    }

    /** A webhook being read. */
    private static final class Taking {

        private final String channel;
        private final HttpRequest request;
        private byte[] body;
        private int length;

        Taking(String channel, HttpRequest request, int declared) {
            this.channel = channel;
            this.request = request;
            this.body = new byte[declared];
        }

        void append(ByteBuf part) {
            int readable = part.readableBytes();
            if (length + readable > body.length) {
                // more than Content-Length said: the decoder does not let that happen, but never overrun
                byte[] larger = new byte[length + readable];
                System.arraycopy(body, 0, larger, 0, length);
                body = larger;
            }
            part.getBytes(part.readerIndex(), body, length, readable);
            length += readable;
        }

        WebhookCall toCall() {
            QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
            Map<String, String> query = new HashMap<>();
            decoder.parameters().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    query.put(name, values.get(0));
                }
            });
            Map<String, List<String>> headers = new HashMap<>();
            request.headers().forEach(header -> headers.computeIfAbsent(header.getKey(), k -> new ArrayList<>(1))
                    .add(header.getValue()));
            byte[] exact = length == body.length ? body : Arrays.copyOf(body, length);
            return new WebhookCall(request.headers().get(HttpHeaderNames.CONTENT_TYPE), query, headers,
                    exact.length == 0 ? null : exact);
        }

        void release() {
            body = null;
        }
    }
}
