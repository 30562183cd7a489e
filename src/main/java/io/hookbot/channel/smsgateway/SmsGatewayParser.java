package io.hookbot.channel.smsgateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookbot.api.Attachment;
import io.hookbot.api.DeviceEvent;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.Digests;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.PayloadFields;
import io.hookbot.channel.Secrets;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the gateway's webhook: {@code secret}, {@code type} and {@code data}, as a form with PHP-style keys
 * ({@code data[phone]=…}) or as JSON of the same shape.
 *
 * <ul>
 *   <li>{@code sms}: a {@link MessageReceived} in the conversation {@code sms:<device>:<sim>:<phone>}
 *       (one per phone line and sender); replies go back from the same device and SIM.</li>
 *   <li>{@code whatsapp}: a {@link MessageReceived} in {@code whatsapp:<wid>:<phone>}; the optional
 *       {@code attachment} (a URL) becomes an {@link Attachment}.</li>
 *   <li>{@code ussd}: a {@link DeviceEvent} USSD response; {@code notification} and the plural
 *       {@code notifications} that some gateway versions send: a {@link DeviceEvent} notification. Both belong to
 *       the conversation {@code device:<device>}.</li>
 *   <li>The older flat form ({@code secret}, {@code phone}, {@code message}, {@code receive_date}, no
 *       {@code type}) still sent by some deployments: an SMS.</li>
 * </ul>
 *
 * <p>Dedupe key: {@code <type>:<data.id>}, the gateway's unique id (types are kept apart in case their ids are
 * counted separately). The flat form has no id, so its key is {@code flat:} plus a SHA-256 of phone, message and
 * receive date.
 *
 * <p>Types, as the gateway's document shows them ({@link PayloadFields} for what each reader accepts):
 * <ul>
 *   <li>{@code data.id} is the system's unique id, counted from 1: a positive whole number, as a number or as digits
 *       (a form sends it as text). {@code data.sim} is a SIM slot, also counted from 1. {@code data.timestamp} is a
 *       Unix time in seconds. {@code data.rid} is not read.</li>
 *   <li>{@code data.phone}, {@code data.wid}, {@code data.device}, {@code data.code}, {@code data.package},
 *       {@code data.attachment}, {@code type} and the flat form's {@code phone} and {@code receive_date} are strings:
 *       a number or {@code true} there is refused, and so is a control character (they are keys, columns and
 *       addresses).</li>
 *   <li>{@code data.message}, {@code data.response}, {@code data.title}, {@code data.content} and the flat form's
 *       {@code message} are free text: strings that may hold any character but a lone surrogate.</li>
 *   <li>{@code secret} is compared and nothing else: one that is not a string does not match (401).</li>
 * </ul>
 */
final class SmsGatewayParser {

    private static final int MAX_TEXT = 10_000;
    private static final int MAX_ID = 100;
    private static final int MAX_PHONE = 64;

    List<InboundEvent> parse(ChannelConfig channel, WebhookRequest request) throws WebhookRejection {
        PayloadFields root = PayloadFields.of(PayloadDecoder.decode(request));
        if (!root.node().isObject()) {
            throw WebhookRejection.invalid(null, "the body must be an object with secret, type and data");
        }
        if (!Secrets.matches(channel.require("secret"), root.credential("secret"))) {
            throw WebhookRejection.unauthorized(root.node().has("secret")
                    ? "the secret does not match this channel's" : "the secret is missing");
        }
        if (!root.node().has("type") && root.node().has("phone") && !root.node().has("data")) {
            return List.of(flat(channel, root));
        }
        String type = root.string("type", 40).toLowerCase(Locale.ROOT);
        PayloadFields data = root.object("data");
        return List.of(switch (type) {
            case "sms" -> sms(channel, data);
            case "whatsapp" -> whatsapp(channel, data);
            case "ussd" -> ussd(channel, data);
            case "notification", "notifications" -> notification(channel, data);
            default -> throw WebhookRejection.invalid("type",
                    PayloadFields.quote(type) + " is not one of sms, whatsapp, ussd, notification");
        });
    }

    private InboundEvent sms(ChannelConfig channel, PayloadFields data) throws WebhookRejection {
        long id = data.positiveId("id");
        String phone = data.string("phone", MAX_PHONE);
        String device = data.optionalString("device", MAX_ID);
        Long sim = data.optionalPositiveId("sim");
        Map<String, String> replyTo = new LinkedHashMap<>();
        replyTo.put("medium", "sms");
        replyTo.put("phone", phone);
        if (device != null && !device.isEmpty()) {
            replyTo.put("device", device);
        }
        if (sim != null) {
            replyTo.put("sim", Long.toString(sim));
        }
        String conversation = "sms:" + (device == null ? "-" : device) + ":" + (sim == null ? "-" : sim) + ":" + phone;
        MessageReceived message = new MessageReceived(channel.name(), conversation, User.of(phone),
                messageText(data), MessageKind.TEXT, List.of(), Long.toString(id),
                data.epochSeconds("timestamp", Instant.now()), null, replyTo);
        return new InboundEvent("sms:" + id, message);
    }

    private InboundEvent whatsapp(ChannelConfig channel, PayloadFields data) throws WebhookRejection {
        long id = data.positiveId("id");
        String account = data.string("wid", MAX_PHONE);
        String phone = data.string("phone", MAX_PHONE);
        String attachmentUrl = data.optionalString("attachment", 2000);
        List<Attachment> attachments = attachmentUrl == null || attachmentUrl.isBlank() ? List.of()
                : List.of(new Attachment(attachmentUrl, AttachmentFiles.kindOfUrl(attachmentUrl), null));
        MessageKind kind = attachments.isEmpty() ? MessageKind.TEXT : kindOf(attachments.get(0).type());
        Map<String, String> replyTo = Map.of("medium", "whatsapp", "account", account, "phone", phone);
        MessageReceived message = new MessageReceived(channel.name(), "whatsapp:" + account + ":" + phone,
                User.of(phone), messageText(data), kind, attachments, Long.toString(id),
                data.epochSeconds("timestamp", Instant.now()), null, replyTo);
        return new InboundEvent("whatsapp:" + id, message);
    }

    private InboundEvent ussd(ChannelConfig channel, PayloadFields data) throws WebhookRejection {
        long id = data.positiveId("id");
        String device = data.string("device", MAX_ID);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", data.string("code", 200));
        fields.put("response", orEmpty(data.optionalText("response", MAX_TEXT)));
        Long sim = data.optionalPositiveId("sim");
        if (sim != null) {
            fields.put("sim", Long.toString(sim));
        }
        return new InboundEvent("ussd:" + id, new DeviceEvent(channel.name(), "device:" + device, device,
                DeviceEvent.Type.USSD_RESPONSE, fields, data.epochSeconds("timestamp", Instant.now())));
    }

    private InboundEvent notification(ChannelConfig channel, PayloadFields data) throws WebhookRejection {
        long id = data.positiveId("id");
        String device = data.string("device", MAX_ID);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("package", data.string("package", 300));
        fields.put("title", orEmpty(data.optionalText("title", MAX_TEXT)));
        fields.put("content", orEmpty(data.optionalText("content", MAX_TEXT)));
        return new InboundEvent("notification:" + id, new DeviceEvent(channel.name(), "device:" + device, device,
                DeviceEvent.Type.NOTIFICATION, fields, data.epochSeconds("timestamp", Instant.now())));
    }

    private InboundEvent flat(ChannelConfig channel, PayloadFields root) throws WebhookRejection {
        String phone = root.string("phone", MAX_PHONE);
        String text = orEmpty(root.optionalText("message", MAX_TEXT));
        String received = orEmpty(root.optionalString("receive_date", 100));
        MessageReceived message = new MessageReceived(channel.name(), "sms:-:-:" + phone, User.of(phone), text,
                MessageKind.TEXT, List.of(), null, Instant.now(), null, Map.of("medium", "sms", "phone", phone));
        return new InboundEvent("flat:" + Digests.sha256Hex(phone + "\n" + text + "\n" + received), message);
    }

    private static String messageText(PayloadFields data) throws WebhookRejection {
        return orEmpty(data.optionalText("message", MAX_TEXT));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static MessageKind kindOf(String type) {
        return switch (type) {
            case "image" -> MessageKind.PICTURE;
            case "audio" -> MessageKind.AUDIO;
            case "video" -> MessageKind.VIDEO;
            default -> MessageKind.DOCUMENT;
        };
    }
}
