package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.Location;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Rule files that cannot be used: every mistake found, each as {@code file:line:column: message}. */
public class RuleFileException extends RuntimeException {

    private final transient List<Problem> problems;

    /** @param problems the mistakes, at least one */
    public RuleFileException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param file    a file that cannot be read at all
     * @param message why
     */
    public RuleFileException(Path file, String message) {
        this(List.of(new Problem(new Location(file.toString(), 1, 1), message)));
    }

    /** @return the mistakes, in the order found */
    public List<Problem> problems() {
        return problems;
    }
}
