package io.hookbot.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * hookbot as a user runs it: {@code io.hookbot.Application} in a process of its own, in a working folder of the
 * test's (so {@code ./bots} and {@code ./data} are the test's), on the shipped {@code application.yml}, configured by
 * the environment variables and system properties the test gives and no others.
 */
public final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path work;
    private final int port;
    private final Process process;

    private AppProcess(Path work, int port, Process process) {
        this.work = work;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts hookbot; does not wait for it.
     *
     * @param work        its working folder
     * @param environment its environment variables besides the JVM's own (no {@code HOOKBOT_*} is inherited);
     *                    {@code PORT} is set to a free port unless given
     * @param properties  system properties, as {@code -Dname=value}
     * @param args        the program's arguments
     * @return the process
     */
    public static AppProcess start(Path work, Map<String, String> environment, Map<String, String> properties,
                                   String... args) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp", classpath));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("io.hookbot.Application");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app.log").toFile())
                .directory(new File(work.toString()));
        builder.environment().keySet().removeIf(name -> name.startsWith("HOOKBOT_") || name.startsWith("MICRONAUT_"));
        int port = environment.containsKey("PORT") ? Integer.parseInt(environment.get("PORT")) : freePort();
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        try {
            return new AppProcess(work, port, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return this, once it answers {@code /health}
     * @throws AssertionError if it ends or does not answer within a minute, with its log
     */
    public AppProcess awaitUp() {
        Eventually.await("hookbot to start (log: " + work.resolve("app.log") + ")", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                return true;
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(url("/health"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        });
        if (!process.isAlive()) {
            throw new AssertionError("hookbot ended with " + process.exitValue() + ":\n" + log());
        }
        return this;
    }

    /**
     * @param timeout how long to wait
     * @return its exit code
     * @throws AssertionError if it is still running then
     */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("hookbot still runs after " + timeout + ":\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    /** @return the port it listens on */
    public int port() {
        return port;
    }

    /**
     * @param path a path with its query
     * @return the URL of that path on this hookbot
     */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** @return what it wrote so far, standard output and error together */
    public String log() {
        try {
            return Files.readString(work.resolve("app.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops it as Ctrl-C would (SIGTERM) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** @return a port nothing listens on now */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
