package io.hookbot.channel.smsgateway;

import io.hookbot.api.Attachment;
import io.hookbot.channel.OutboundMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content fields of a WhatsApp send ({@code type}, {@code message} and the file's fields), in the gateway's API
 * (the one of the widely used "Zender" gateway):
 *
 * <ul>
 *   <li>no attachment: {@code type=text}, {@code message} the text;</li>
 *   <li>an image, audio or video: {@code type=media}, {@code media_url}, {@code media_type} ({@code image},
 *       {@code audio}, {@code video}), the text as the caption in {@code message};</li>
 *   <li>a document in a format the gateway sends ({@code pdf, xml, xls, xlsx, doc, docx}): {@code type=document},
 *       {@code document_url}, {@code document_name}, {@code document_type} (the extension), the text as the
 *       caption;</li>
 *   <li>a document in any other format: {@code type=text}, with the file's URL after the text, since the gateway
 *       cannot send it as a file and the link still reaches the recipient.</li>
 * </ul>
 * The gateway sends one file per message: the first attachment goes as the file, the URLs of any others follow the
 * caption on lines of their own.
 */
final class WhatsAppContent {

    /** The document formats the gateway's WhatsApp API sends as documents. */
    static final Set<String> DOCUMENT_TYPES = Set.of("pdf", "xml", "xls", "xlsx", "doc", "docx");

    private WhatsAppContent() {
    }

    /**
     * @param message a reply
     * @return its content fields, in the order the gateway documents them
     */
    static Map<String, String> of(OutboundMessage message) {
        List<Attachment> files = message.attachments().stream()
                .filter(a -> a.url() != null && !a.url().isBlank()).toList();
        Map<String, String> fields = new LinkedHashMap<>();
        if (files.isEmpty()) {
            fields.put("type", "text");
            fields.put("message", message.text());
            return fields;
        }
        Attachment file = files.get(0);
        String caption = new OutboundMessage(message.id(), message.channel(), message.replyTo(), message.text(),
                files.subList(1, files.size())).textWithAttachmentLinks();
        String kind = AttachmentFiles.kindOf(file);
        String name = AttachmentFiles.name(file);
        String extension = AttachmentFiles.extension(file);
        if (!kind.equals("document")) {
            fields.put("type", "media");
            fields.put("message", caption);
            fields.put("media_url", file.url().trim());
            fields.put("media_type", kind);
        } else if (DOCUMENT_TYPES.contains(extension)) {
            fields.put("type", "document");
            fields.put("message", caption);
            fields.put("document_url", file.url().trim());
            fields.put("document_name", name);
            fields.put("document_type", extension);
        } else {
            fields.put("type", "text");
            fields.put("message", message.textWithAttachmentLinks());
        }
        return fields;
    }
}
