package io.hookbot.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A stand-in for a platform's send API: an HTTP server on a free loopback port that records every request and
 * answers as scripted. Unscripted calls get the SMS gateway's success answer. A plain JDK server rather than a
 * Micronaut controller, so it lives outside the application context under test and survives its restarts.
 */
public final class FakeGateway implements AutoCloseable {

    /**
     * A recorded call.
     *
     * @param path    the request path
     * @param form    the form fields (empty for other bodies)
     * @param body    the raw body
     * @param headers the request headers (lower-case names, first values)
     * @param atNanos when it arrived, by {@link System#nanoTime()}
     */
    public record Call(String path, Map<String, String> form, String body, Map<String, String> headers, long atNanos) {
    }

    /**
     * A scripted answer.
     *
     * @param status  the HTTP status
     * @param body    the body
     * @param headers extra headers
     * @param delayMs how long to wait before answering
     */
    public record Answer(int status, String body, Map<String, String> headers, long delayMs) {

        /** @return the gateway's success answer */
        public static Answer ok() {
            return new Answer(200, "{\"status\":200,\"message\":\"Message has been queued for sending!\",\"data\":{}}",
                    Map.of(), 0);
        }

        /**
         * @param status the status to put in the body of an HTTP 200, as the SMS gateway does
         * @return that answer
         */
        public static Answer bodyStatus(int status) {
            return new Answer(200, "{\"status\":" + status + ",\"message\":\"refused\",\"data\":false}", Map.of(), 0);
        }

        /**
         * @param status an HTTP status
         * @return an answer with that status and a short body
         */
        public static Answer http(int status) {
            return new Answer(status, "{\"status\":" + status + "}", Map.of(), 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicInteger mostAnswering = new AtomicInteger();
    private volatile Supplier<Answer> otherwise = Answer::ok;

    /** Starts a gateway on a free loopback port, answering 16 calls at a time. */
    public FakeGateway() {
        this(16);
    }

    /**
     * Starts a gateway on a free loopback port.
     *
     * @param threads how many calls it answers at a time
     */
    public FakeGateway(int threads) {
        // the JDK server writes headers and body separately; without TCP_NODELAY each answer waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        this.threads = Executors.newFixedThreadPool(threads);
        server.setExecutor(this.threads);
        server.start();
    }

    /** @return the base URL, to configure as a channel's {@code send.url} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Queues answers for the next calls, in order; after them, {@link #otherwise(Answer)} applies.
     *
     * @param answers the answers
     */
    public void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    /** @param answer the answer for calls beyond the script */
    public void otherwise(Answer answer) {
        this.otherwise = () -> answer;
    }

    /** @param answers gives the answer for each call beyond the script (random delays, say) */
    public void otherwise(Supplier<Answer> answers) {
        this.otherwise = answers;
    }

    /** @return the most calls it was answering at one time */
    public int mostConcurrentCalls() {
        return mostAnswering.get();
    }

    /** Forgets the calls recorded so far. */
    public void clearCalls() {
        calls.clear();
    }

    /** @return every call so far */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * @param path a request path
     * @return the calls to that path
     */
    public List<Call> calls(String path) {
        return calls().stream().filter(c -> c.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostAnswering.accumulateAndGet(answering.incrementAndGet(), Math::max);
        boolean[] answered = {false};
        Runnable done = () -> {
            if (!answered[0]) {
                answered[0] = true;
                answering.decrementAndGet();
            }
        };
        try {
            answer(exchange, done);
        } finally {
            done.run();
        }
    }

    /**
     * @param done called just before the answer is written: once the client can read the answer it may send its next
     *             call, so counting the call as answering until the write ends would see calls overlap that did not
     */
    private void answer(HttpExchange exchange, Runnable done) throws IOException {
        long at = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        String type = headers.getOrDefault("content-type", "");
        Map<String, String> form = type.startsWith("application/x-www-form-urlencoded") ? parseForm(body) : Map.of();
        calls.add(new Call(exchange.getRequestURI().getPath(), form, body, headers, at));
        Answer answer = script.poll();
        if (answer == null) {
            answer = otherwise.get();
        }
        if (answer.delayMs() > 0) {
            try {
                Thread.sleep(answer.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String reply = answer.body().replace("\"data\":{}", "\"data\":{\"messageId\":" + ids.incrementAndGet() + "}");
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        done.run();
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
