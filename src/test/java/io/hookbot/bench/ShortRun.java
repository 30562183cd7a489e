package io.hookbot.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The short JMH configuration the benchmark mains share: 1 fork, 3 warm-up and 5 measured iterations of one second
 * each, {@code -Xmx1g}. Enough to compare configurations measured in one run; use {@code org.openjdk.jmh.Main}
 * with JMH's own options for longer runs.
 */
final class ShortRun {

    private ShortRun() {
    }

    /**
     * @param benchmark the benchmark class to run
     * @throws RunnerException if JMH fails
     */
    static void of(Class<?> benchmark) throws RunnerException {
        new Runner(new OptionsBuilder()
                .include(benchmark.getSimpleName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx1g")
                .build()).run();
    }
}
