package io.hookbot.channel;

import io.micronaut.http.HttpStatus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The endpoint's first look at a call's {@code Content-Type}, before anything reads the body: a media type the
 * platform never sends ({@link Platform#mediaTypes}), a missing one, or a charset other than UTF-8 is a 415 naming
 * what the platform sends. It comes before the secret or client key is checked because those are in the body, and
 * a body that cannot be read cannot be authenticated; platforms that take their token from the URL are checked the
 * same way, so every platform answers one call the same.
 */
public final class WebhookMediaType {

    /** JSON. */
    public static final String JSON = "application/json";
    /** A URL-encoded form. */
    public static final String FORM = "application/x-www-form-urlencoded";

    private static final int MAX_QUOTE = 40;
    private static final Pattern STRUCTURED_JSON = Pattern.compile("application/[a-z0-9.!#$&^_-]+\\+json");

    private WebhookMediaType() {
    }

    /**
     * @param platform the platform the call is for
     * @param header   the call's {@code Content-Type} header, or {@code null}
     * @return the media type, lower case and without parameters ({@code application/vnd.x+json} stays as it is)
     * @throws WebhookRejection 415 {@code unsupported_media_type}, field {@code Content-Type}
     */
    public static String check(Platform platform, String header) throws WebhookRejection {
        List<String> accepted = platform.mediaTypes();
        if (header == null || header.isBlank()) {
            throw unsupported(platform, "is missing");
        }
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!accepted.contains(type) && !(accepted.contains(JSON) && STRUCTURED_JSON.matcher(type).matches())) {
            throw unsupported(platform, quote(type) + " is not accepted");
        }
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && parts[i].substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String charset = parts[i].substring(eq + 1).trim().replace("\"", "");
                if (!isUtf8(charset)) {
                    throw unsupported(platform, "has charset " + quote(charset) + "; the body must be UTF-8");
                }
            }
        }
        return type;
    }

    private static boolean isUtf8(String name) {
        try {
            return Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException illegalName) {
            return false;
        }
    }

    private static WebhookRejection unsupported(Platform platform, String problem) {
        return new WebhookRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "Content-Type",
                problem + "; " + platform.id() + " webhooks are sent as " + String.join(" or ", platform.mediaTypes()));
    }

    /** A header is the caller's text: quoted as printable ASCII, shortened. */
    private static String quote(String text) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < text.length() && i < MAX_QUOTE; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return "'" + safe + (text.length() > MAX_QUOTE ? "…'" : "'");
    }
}
