package io.hookbot.bench;

import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs {@link OptOutCheckBenchmark} with a short configuration (1 fork, 3 warm-up and 5 measured iterations of one
 * second each), on H2 and on the test PostgreSQL (127.0.0.1:5432, database {@code test}). From the project folder:
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) io.hookbot.bench.OptOutCheckBenchmarks
 * </pre>
 */
public final class OptOutCheckBenchmarks {

    private OptOutCheckBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        ShortRun.of(OptOutCheckBenchmark.class);
    }
}
