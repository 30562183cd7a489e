package io.hookbot.testing;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Runs a test class only when the test PostgreSQL answers; otherwise it is skipped with a message saying so.
 * With {@code HOOKBOT_REQUIRE_SERVICES=true} (as {@code .ci/run} sets) a missing PostgreSQL fails instead, so CI
 * can never pass by skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

    /** The check behind the annotation, for JUnit Jupiter test classes. */
    class Condition implements ExecutionCondition {
        private static volatile String unavailable;
        private static volatile boolean checked;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String skip = skipReason();
            return skip == null ? ConditionEvaluationResult.enabled("PostgreSQL is reachable")
                    : ConditionEvaluationResult.disabled(skip);
        }

        /**
         * @return why PostgreSQL tests are skipped, or {@code null} when PostgreSQL answers
         * @throws IllegalStateException when it does not answer and {@code HOOKBOT_REQUIRE_SERVICES=true}
         */
        static String skipReason() {
            if (!checked) {
                String user = System.getenv().getOrDefault("HOOKBOT_TEST_PG_USER", "postgres");
                try (Connection ignored = DriverManager.getConnection(Database.postgresUrl(), user, "")) {
                    unavailable = null;
                } catch (Exception e) {
                    unavailable = e.getMessage();
                }
                checked = true;
            }
            if (unavailable == null) {
                return null;
            }
            String message = "PostgreSQL not reachable at " + Database.postgresUrl() + " (" + unavailable
                    + "); PostgreSQL tests skipped";
            if ("true".equals(System.getenv("HOOKBOT_REQUIRE_SERVICES"))) {
                throw new IllegalStateException(message + ", but HOOKBOT_REQUIRE_SERVICES=true");
            }
            System.err.println("SKIPPED: " + message);
            return message;
        }
    }

    /**
     * The same check for jqwik property classes, which JUnit Jupiter's conditions do not reach: put
     * {@code @AddLifecycleHook(RequiresPostgres.ForProperties.class)} on the class.
     */
    class ForProperties implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            String skip = Condition.skipReason();
            return skip == null ? SkipResult.doNotSkip() : SkipResult.skip(skip);
        }
    }
}
