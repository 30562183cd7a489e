package io.hookbot.api;

/**
 * A file that came with a message or goes out with a reply.
 *
 * @param url  where the file can be fetched
 * @param type what it is: {@code image}, {@code audio}, {@code video}, {@code document}, or {@code null} if unknown
 * @param name a file name, or {@code null}
 */
public record Attachment(String url, String type, String name) {
}
