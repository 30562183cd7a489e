package io.hookbot.channel.smsgateway;

import io.hookbot.api.Attachment;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What kind of file an attachment is, for the gateway's WhatsApp API, which sends images, audio and video as
 * {@code media} and a few document formats as {@code document}. The attachment's {@code type} wins; without one, the
 * file name's (or URL path's) extension decides.
 */
final class AttachmentFiles {

    private AttachmentFiles() {
    }

    /**
     * @param url a file's URL
     * @return {@code image}, {@code audio}, {@code video} or {@code document}, from the URL path's extension
     */
    static String kindOfUrl(String url) {
        return kindOfExtension(extension(fileName(url)));
    }

    /**
     * @param attachment a file
     * @return {@code image}, {@code audio}, {@code video} or {@code document}
     */
    static String kindOf(Attachment attachment) {
        String type = attachment.type() == null ? "" : attachment.type().trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "image", "audio", "video", "document" -> type;
            default -> kindOfExtension(extension(attachment));
        };
    }

    /**
     * @param attachment a file
     * @return its name: the attachment's own, else the last segment of the URL path, else {@code file}
     */
    static String name(Attachment attachment) {
        if (attachment.name() != null && !attachment.name().isBlank()) {
            return attachment.name().trim();
        }
        String fromUrl = fileName(attachment.url());
        return fromUrl.isEmpty() ? "file" : fromUrl;
    }

    /**
     * @param attachment a file
     * @return the extension of its name, else of its URL path, in lower case without the dot, or empty
     */
    static String extension(Attachment attachment) {
        String fromName = extension(name(attachment));
        return fromName.isEmpty() ? extension(fileName(attachment.url())) : fromName;
    }

    /**
     * @param fileName a file name
     * @return its extension in lower case, without the dot, or empty
     */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String kindOfExtension(String extension) {
        if (extension.matches("jpe?g|png|gif|webp")) {
            return "image";
        }
        if (extension.matches("mp3|ogg|opus|m4a|aac|wav|amr")) {
            return "audio";
        }
        if (extension.matches("mp4|3gp|mov|webm")) {
            return "video";
        }
        return "document";
    }

    private static String fileName(String url) {
        String path;
        try {
            path = URI.create(url.trim()).getRawPath();
        } catch (IllegalArgumentException e) {
            path = url.replaceAll("[?#].*$", "");
        }
        if (path == null) {
            return "";
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(last, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return last;
        }
    }
}
