package io.hookbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own, started from the installed binary on a free loopback port, that admits one user
 * with a password and nobody else: for what a broker does with wrong credentials. Stopped (the process this
 * started, by its handle) on {@link #close()}.
 */
public final class PrivateMosquitto implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    private PrivateMosquitto(String user, String password, int port) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("hookbot-mosquitto");
        Path passwords = dir.resolve("passwords");
        run(List.of(binary("mosquitto_passwd"), "-b", "-c", passwords.toString(), user, password));
        this.port = port == 0 ? freePort() : port;
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, "listener " + this.port + " 127.0.0.1\nallow_anonymous false\npassword_file "
                + passwords + "\npersistence false\n"
                // started as root, Mosquitto would become user "mosquitto", who cannot read this private folder
                + "user " + System.getProperty("user.name") + "\n");
        process = new ProcessBuilder(binary("mosquitto"), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        Eventually.await("the private Mosquitto to listen on port " + this.port, Duration.ofSeconds(10),
                this::answers);
    }

    /**
     * @return whether the Mosquitto binaries are installed here
     */
    public static boolean installed() {
        return binaryOrNull("mosquitto") != null && binaryOrNull("mosquitto_passwd") != null;
    }

    /**
     * @param user     the one user admitted
     * @param password that user's password
     * @return a running broker
     */
    public static PrivateMosquitto admitting(String user, String password) {
        return admitting(user, password, 0);
    }

    /**
     * @param user     the one user admitted
     * @param password that user's password
     * @param port     the port to listen on (one a broker of the test's listened on before, to bring it back), or 0
     * @return a running broker
     */
    public static PrivateMosquitto admitting(String user, String password, int port) {
        try {
            return new PrivateMosquitto(user, password, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return its port */
    public int port() {
        return port;
    }

    /** @return its URL, as a channel's {@code send.broker-url} */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the private Mosquitto exited: " + log());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
    }

    private static String binary(String name) {
        String path = binaryOrNull(name);
        if (path == null) {
            throw new IllegalStateException(name + " is not installed (apt-get install mosquitto)");
        }
        return path;
    }

    private static String binaryOrNull(String name) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/bin:/usr/local/sbin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
