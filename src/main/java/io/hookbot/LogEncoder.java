package io.hookbot;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * The console's encoder in the shipped {@code logback.xml}: each line as its {@code pattern} says (text), or as
 * logback's own {@link JsonEncoder} writes it, whichever {@link LogFormat} is in force. The choice lives outside the
 * encoder, so a reload of {@code logback.xml} (Micronaut reloads it when the application starts, to apply
 * {@code logger.levels.*}) keeps the format. A {@code logback.xml} of one's own may use it too.
 *
 * <p>A JSON line: {@code timestamp} (epoch milliseconds), {@code level}, {@code threadName}, {@code loggerName},
 * {@code mdc} (the fields of {@code worker.LogContext}: {@code channel}, {@code conversation}, {@code turn},
 * {@code reply}), {@code formattedMessage}, and {@code throwable} (its class, message, frames and causes;
 * {@code null} when none). Left out: the message's template and arguments (the formatted message says it), the
 * logger context and sequence numbers (the same or meaningless on every line).
 */
public class LogEncoder extends EncoderBase<ILoggingEvent> {

    private final PatternLayoutEncoder text = new PatternLayoutEncoder();
    private final JsonEncoder json = new JsonEncoder();
    private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";

    /** @param pattern the text lines' pattern, as logback's pattern layout takes it */
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        text.setContext(getContext());
        text.setPattern(pattern);
        text.start();
        json.setContext(getContext());
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.setWithFormattedMessage(true);
        json.start();
        super.start();
    }

    @Override
    public void stop() {
        text.stop();
        json.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return LogFormat.json() ? json.headerBytes() : text.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return LogFormat.json() ? json.encode(event) : text.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return LogFormat.json() ? json.footerBytes() : text.footerBytes();
    }
}
