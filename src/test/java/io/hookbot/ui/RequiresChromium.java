package io.hookbot.ui;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs a test class only when headless Chromium and its ChromeDriver are installed (Debian:
 * {@code apt-get install chromium chromium-driver}, as {@code .ci/run} does); otherwise it is skipped with a message
 * saying so. With {@code HOOKBOT_REQUIRE_SERVICES=true} a missing browser fails instead. {@code HOOKBOT_CHROMIUM}
 * and {@code HOOKBOT_CHROMEDRIVER} name other binaries.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
public @interface RequiresChromium {

    /** The check behind the annotation. */
    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (browser().isPresent() && driver().isPresent()) {
                return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
            }
            String message = "headless Chromium or ChromeDriver not found (looked for " + (browser().isPresent() ? ""
                    : "chromium in " + BROWSERS + " ") + (driver().isPresent() ? "" : "chromedriver in " + DRIVERS)
                    + "; apt-get install -y chromium chromium-driver, or set HOOKBOT_CHROMIUM and HOOKBOT_CHROMEDRIVER);"
                    + " the dashboard's browser test is skipped";
            if ("true".equals(System.getenv("HOOKBOT_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(message + ", but HOOKBOT_REQUIRE_SERVICES=true");
            }
            System.err.println("SKIPPED: " + message);
            return ConditionEvaluationResult.disabled(message);
        }

        static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome");
        static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

        /** @return the Chromium binary, if there is one */
        static Optional<Path> browser() {
            return find("HOOKBOT_CHROMIUM", BROWSERS);
        }

        /** @return the ChromeDriver binary, if there is one */
        static Optional<Path> driver() {
            return find("HOOKBOT_CHROMEDRIVER", DRIVERS);
        }

        private static Optional<Path> find(String variable, List<String> places) {
            String given = System.getenv(variable);
            if (given != null && !given.isBlank()) {
                return Optional.of(Path.of(given)).filter(Files::isExecutable);
            }
            return places.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        }
    }
}
