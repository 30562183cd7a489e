package io.hookbot.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One run of the jar's command line in a test: its exit code, what it printed and what it printed as errors.
 *
 * @param code the exit code
 * @param out  the standard output
 * @param err  the error output
 */
record CliRun(int code, String out, String err) {

    /** Runs {@link Cli} in this JVM, as {@code Application.main} does for a command. */
    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code io.hookbot.Application} in a JVM of its own, as {@code java -jar hookbot.jar …} does.
     *
     * @param directory the working directory (where a server would put its database)
     * @param args      the command line
     * @return the run, its error output merged into its output
     */
    static CliRun process(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.hookbot.Application"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(directory, "run-", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            // a command line that started a server by mistake: stop it rather than leave it running
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertTrue(ended, "still running after 60 s: " + output);
        return new CliRun(process.exitValue(), output, "");
    }
}
