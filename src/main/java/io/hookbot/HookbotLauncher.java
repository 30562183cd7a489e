package io.hookbot;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server as {@link Micronaut#run} does, but says a startup mistake once, in one message that names the
 * setting and the fix ({@link StartupMistakes}), and exits with 1; the whole exception is logged at DEBUG only.
 * Micronaut's own handler logs the exception with its trace, 40 to 110 lines for a missing secret.
 */
final class HookbotLauncher extends Micronaut {

    private static final Logger LOG = LoggerFactory.getLogger(HookbotLauncher.class);

    private HookbotLauncher() {
    }

    /**
     * @param args the server's arguments
     */
    static void launch(String[] args) {
        // a JSON log is JSON from its first line: no banner
        new HookbotLauncher().mainClass(HookbotLauncher.class).args(args).banner(!LogFormat.json()).start();
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        String message = StartupMistakes.explain(exception).orElseGet(() -> "unexpected "
                + exception.getClass().getSimpleName() + ": " + exception.getMessage()
                + " (the full trace: -Dlogger.levels.io.hookbot=DEBUG)");
        LOG.error("hookbot cannot start: {}", message);
        LOG.debug("Startup failed", exception);
        System.exit(1);
    }
}
