package io.hookbot.testing;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class once on each database ({@link TestDatabase.Available}: H2, and PostgreSQL where it answers). The
 * class takes the database in a field: {@code @Parameter TestDatabase db;}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@ArgumentsSource(TestDatabase.Available.class)
public @interface OnEachDatabase {
}
