/**
 * JMH benchmarks, run by hand (see {@code docs/benchmarks-rules.md}), never by {@code mvn test}. May depend on
 * anything in hookbot.
 */
package io.hookbot.bench;
