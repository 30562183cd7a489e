package io.hookbot.bench;

import org.openjdk.jmh.runner.RunnerException;

/**
 * Runs {@link PluginDispatchBenchmark} with the short configuration of {@link RuleBenchmarks}; see
 * {@code docs/benchmarks-plugins.md}.
 */
public final class PluginBenchmarks {

    private PluginBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException {
        ShortRun.of(PluginDispatchBenchmark.class);
    }
}
