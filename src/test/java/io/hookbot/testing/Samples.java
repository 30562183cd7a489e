package io.hookbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the sample payloads shipped in {@code bots/samples/}, so tests post exactly what the README tells users to. */
public final class Samples {

    private Samples() {
    }

    /**
     * @param relative a path below {@code bots/samples/}, such as {@code sms-gateway/sms.form}
     * @return the file's content
     */
    public static String read(String relative) {
        try {
            return Files.readString(Path.of("bots", "samples").resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
