package io.hookbot.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dry-run sender: logs each reply instead of sending it. Channels with nothing configured to send with use it,
 * so a bot can be tried without any gateway account; the replies stay in the outbox as sent.
 */
public final class LogSender implements Sender {

    private static final Logger LOG = LoggerFactory.getLogger(LogSender.class);

    @Override
    public SendResult send(OutboundMessage message) {
        LOG.info("DRY RUN reply #{} on {} to {}: {}", message.id(), message.channel(), message.replyTo(), message.text());
        return new SendResult.Sent("dry-run");
    }
}
