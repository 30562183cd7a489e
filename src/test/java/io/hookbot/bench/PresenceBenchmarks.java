package io.hookbot.bench;

import org.openjdk.jmh.runner.RunnerException;

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
        ShortRun.of(PresenceBenchmark.class);
    }
}
