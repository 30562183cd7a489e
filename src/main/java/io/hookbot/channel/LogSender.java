package io.hookbot.channel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dry-run sender: logs each reply instead of sending it. Channels with nothing configured to send with use it,
 * so a bot can be tried without any gateway account; the replies stay in the outbox as sent.
 *
 * <p>The INFO line says only that a reply went nowhere and how long it was: a log is kept and shipped more widely
 * than the inbox, and a recipient's phone number or a message's text has no place in it. Who it was for and what it
 * said go to a DEBUG line of the logger {@value #DRY_RUN_LOGGER}, which the shipped {@code logback.xml} enables, so
 * that trying a bot shows its replies; a deployment silences it with {@code -Dlogger.levels.hookbot.dry-run=INFO}.
 */
public final class LogSender implements Sender {

    /** The logger of the recipients and texts of dry-run replies. */
    public static final String DRY_RUN_LOGGER = "hookbot.dry-run";

    private static final Logger LOG = LoggerFactory.getLogger(LogSender.class);
    private static final Logger CONTENT = LoggerFactory.getLogger(DRY_RUN_LOGGER);

    @Override
    public SendResult send(OutboundMessage message) {
        String text = message.text() == null ? "" : message.text();
        LOG.info("DRY RUN reply #{} on {}: {} characters", message.id(), message.channel(),
                text.codePointCount(0, text.length()));
        CONTENT.debug("DRY RUN reply #{} to {}: {}", message.id(), message.replyTo(), text);
        return new SendResult.Sent("dry-run");
    }
}
