package io.hookbot.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PresenceBenchmark} with a short configuration (1 fork, 3 warm-up and 5 measured iterations of one
 * second each). From the project folder:
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) io.hookbot.bench.PresenceBenchmarks
 * </pre>
 */
public final class PresenceBenchmarks {

    private PresenceBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(PresenceBenchmark.class.getSimpleName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx1g")
                .build();
        new Runner(options).run();
    }
}
