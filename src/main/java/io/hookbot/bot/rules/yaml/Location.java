package io.hookbot.bot.rules.yaml;

/**
 * A place in a text file, as a person counts: lines and columns from 1.
 *
 * @param file   the file, as it should be shown
 * @param line   the line, from 1
 * @param column the column, from 1
 */
public record Location(String file, int line, int column) {

    /** @return {@code file:line:column}, the form editors and terminals turn into links */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
