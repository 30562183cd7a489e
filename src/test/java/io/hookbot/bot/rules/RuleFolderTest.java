package io.hookbot.bot.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A folder's files are read as one set of bots: each bot name is used once across them. */
class RuleFolderTest {

    @TempDir
    Path dir;

    private final RuleFolder folder = new RuleFolder(new RuleFileParser());

    private Path write(String name, String bot, String reply) throws IOException {
        return Files.writeString(dir.resolve(name), "bot: " + bot + "\nrules:\n  - then: [{reply: " + reply + "}]\n");
    }

    @Test
    void aBotNameTakenByAnEarlierFileIsAMistakeAtTheNameNamingBothFiles() throws IOException {
        Path a = write("a.yml", "desk", "a");
        Path b = write("b.yml", "desk", "b");
        write("c.yml", "other", "c");
        RuleFolder.Result result = folder.read(dir, Map.of());
        assertEquals(List.of(b + ":1:6: the bot name 'desk' is already taken by " + a + ":1:6; give each bot a name of its "
                + "own (its cooldowns and schedules are kept under it)"), result.problems().stream().map(Problem::toString).toList());
        assertEquals(List.of(a, dir.resolve("c.yml")), List.copyOf(result.bots().keySet()));
        assertEquals(List.of(b), result.skipped());
    }

    @Test
    void anEditThatTakesANameInUseKeepsTheFilesLastGoodVersion() throws IOException {
        Path a = write("a.yml", "desk", "a");
        Path b = write("b.yml", "shop", "b");
        RuleFolder.Result first = folder.read(dir, Map.of());
        assertEquals(List.of(), first.problems());

        write("b.yml", "desk", "b2");
        RuleFolder.Result edited = folder.read(dir, first.bots());
        assertEquals(1, edited.problems().size());
        assertEquals(List.of(b), edited.kept());
        assertEquals("shop", edited.bots().get(b).name());

        // the earlier file now takes the name b's last good version had: b has no version that can be in force
        write("a.yml", "shop", "a2");
        write("b.yml", "shop", "b3");
        RuleFolder.Result both = folder.read(dir, edited.bots());
        assertEquals("shop", both.bots().get(a).name());
        assertEquals(List.of(b), both.skipped());
        assertEquals(1, both.bots().size());
    }
}
