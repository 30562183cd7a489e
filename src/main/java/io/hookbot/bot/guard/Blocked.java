package io.hookbot.bot.guard;

/**
 * A guardrail stopped a rule that fired.
 *
 * @param guardrail which one
 * @param reason    why, in words, for the log and the {@code try} command
 */
public record Blocked(Guardrail guardrail, String reason) {

    @Override
    public String toString() {
        return guardrail.written() + ": " + reason;
    }
}
