/**
 * Fault beans for tests: with {@code test.faults=true} in a test app's settings, the stores the background
 * workers call are replaced by subclasses that throw at named points while a test has them armed
 * ({@link io.hookbot.testing.faults.Faults}). Production code has no hook for this: the faults are beans of the
 * test tree, replacing the real ones through Micronaut's {@code @Replaces}.
 */
package io.hookbot.testing.faults;
