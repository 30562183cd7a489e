package io.hookbot.channel.smsgateway;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;

import java.util.Locale;
import java.util.Map;

/**
 * Which phone line a reply goes out from: the device and SIM of an SMS, the account of a WhatsApp message.
 *
 * <p>By default ({@code send.reply-from: message}) a reply leaves from the line the message it answers came in on,
 * which the parser keeps in {@code replyTo} ({@code device}, {@code sim}; {@code account}, the WhatsApp {@code wid}):
 * the person sees the answer in the same thread, per conversation. The channel's {@code send.device},
 * {@code send.sim} (default 1) and {@code send.whatsapp-account} fill in what the message did not say (the older
 * flat webhook names no device; a rule's {@code send} to a new number has no message to answer).
 *
 * <p>With {@code send.reply-from: channel} every reply of the channel leaves from its configured line, whatever
 * line the message came in on (one outbound phone for a pool of receiving phones, say).
 */
final class OutgoingPhoneLine {

    private final boolean channelFirst;
    private final String device;
    private final String sim;
    private final String account;

    private OutgoingPhoneLine(boolean channelFirst, String device, String sim, String account) {
        this.channelFirst = channelFirst;
        this.device = device;
        this.sim = sim;
        this.account = account;
    }

    /**
     * @param channel an {@code sms-gateway} channel
     * @return its choice of line
     * @throws ChannelConfigException if {@code send.reply-from} is neither {@code message} nor {@code channel}, or
     *                                is {@code channel} without {@code send.device} or {@code send.whatsapp-account}
     */
    static OutgoingPhoneLine of(ChannelConfig channel) {
        String replyFrom = channel.setting("send.reply-from").orElse("message").trim().toLowerCase(Locale.ROOT);
        if (!replyFrom.equals("message") && !replyFrom.equals("channel")) {
            throw new ChannelConfigException("hookbot.channels." + channel.name()
                    + ".send.reply-from must be 'message' (the line the message came in on) or 'channel' (the"
                    + " channel's send.device, send.sim and send.whatsapp-account), not '" + replyFrom + "'");
        }
        String device = channel.setting("send.device").orElse(null);
        String account = channel.setting("send.whatsapp-account").orElse(null);
        if (replyFrom.equals("channel") && device == null && account == null) {
            throw new ChannelConfigException("hookbot.channels." + channel.name()
                    + ".send.reply-from is 'channel', so set send.device (SMS) or send.whatsapp-account (WhatsApp)");
        }
        return new OutgoingPhoneLine(replyFrom.equals("channel"), device, channel.setting("send.sim").orElse(null), account);
    }

    /**
     * @param replyTo the reply's address fields
     * @return the device to send the SMS from, or {@code null} if none is known
     */
    String device(Map<String, String> replyTo) {
        return pick(replyTo.get("device"), device);
    }

    /**
     * @param replyTo the reply's address fields
     * @return the SIM slot, 1 when neither the message nor the channel says
     */
    String sim(Map<String, String> replyTo) {
        String chosen = channelFirst && device != null ? (sim == null ? "1" : sim) : pick(replyTo.get("sim"), sim);
        return chosen == null ? "1" : chosen;
    }

    /**
     * @param replyTo the reply's address fields
     * @return the WhatsApp account to send from, or {@code null} if none is known
     */
    String account(Map<String, String> replyTo) {
        return pick(replyTo.get("account"), account);
    }

    private String pick(String fromMessage, String fromChannel) {
        if (channelFirst && fromChannel != null) {
            return fromChannel;
        }
        return fromMessage != null && !fromMessage.isEmpty() ? fromMessage : fromChannel;
    }
}
