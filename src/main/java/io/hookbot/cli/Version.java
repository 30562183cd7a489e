package io.hookbot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of hookbot that is running, as the build wrote it: the application jar's manifest
 * ({@code Implementation-Version}), or, when hookbot runs from class folders (tests, an IDE), the
 * {@code version.properties} resource Maven fills in. Never written in the code, so it cannot go stale.
 */
public final class Version {

    private static final String RESOURCE = "version.properties";

    private Version() {
    }

    /** @return the version, such as {@code 0.1.0-SNAPSHOT}; {@code unknown} if the build recorded none */
    public static String current() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        if (fromManifest != null && !fromManifest.isBlank()) {
            return fromManifest;
        }
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            // an unfiltered copy (a build that skipped resource filtering) still holds the placeholder
            return version.isBlank() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
