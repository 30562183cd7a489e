package io.hookbot;

import io.hookbot.bot.rules.RuleFileException;
import io.hookbot.config.SettingException;

import java.net.BindException;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Finds, in the exception a failed startup threw (Micronaut wraps it in bean-creation exceptions, several levels
 * deep), the mistake a user can fix, and says it in one message: a wrong setting (which names itself), a rule file's
 * mistakes ({@code file:line:col}), a port already in use, a database that cannot be opened or reached.
 */
final class StartupMistakes {

    private StartupMistakes() {
    }

    /**
     * @param failure what the startup threw
     * @return the message for the user, or empty when the failure is not one of the known mistakes
     */
    static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SettingException || t instanceof RuleFileException) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof BindException) {
                return Optional.of("the HTTP port is already in use (" + firstLine(t) + "): stop the program that "
                        + "holds it, or set another port with micronaut.server.port (or PORT)");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return Optional.of("the database cannot be opened: " + firstLine(t) + " (check datasources.default.*"
                        + "; for the embedded H2, that ./data can be written and that no other hookbot uses it)");
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
