package io.hookbot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's command line is strict: what is not a command or a server setting is a usage error (exit 2, the usage
 * on the error output, nothing run); help and the version are asked for and exit 0; only an empty command line or
 * settings alone start the server.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void onlyNothingOrSettingsAloneStartTheServer() {
        assertTrue(Cli.startsServer(new String[0]));
        assertTrue(Cli.startsServer(new String[]{"-Dmicronaut.server.port=9090"}));
        assertTrue(Cli.startsServer(new String[]{"--micronaut.server.port=9090", "--hookbot.bots-dir=/srv/bots"}));
        assertTrue(Cli.startsServer(new String[]{"--hookbot.channels.sms-main.secret=a=b"}));
        for (String[] notTheServer : new String[][]{{"chek", "bots/"}, {"--version"}, {"-h"}, {"--help"}, {"help"},
                {"check"}, {"--port=9090"}, {"--verbose"}, {"-Dfoo"}, {"--micronaut.server.port=1", "check"},
                {"--micronaut.server.port"}}) {
            assertFalse(Cli.startsServer(notTheServer), String.join(" ", notTheServer));
        }
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        CliRun typo = CliRun.of("chek", "bots/");
        assertEquals(2, typo.code());
        assertEquals("", typo.out());
        assertTrue(typo.err().startsWith("hookbot: unknown command 'chek'; did you mean 'check'?\n"), typo.err());
        assertTrue(typo.err().contains("usage: java -jar hookbot.jar check|try|replay"), typo.err());

        CliRun other = CliRun.of("frobnicate");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("unknown command 'frobnicate'; the commands are check, try, replay, help"), other.err());

        CliRun option = CliRun.of("--verison");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("unknown option --verison; did you mean --version?"), option.err());

        CliRun mixed = CliRun.of("--micronaut.server.port=9090", "check", "bots");
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("the server takes only settings"), mixed.err());
    }

    @Test
    void helpIsAskedForAndGoesToTheOutput() {
        for (String[] asked : new String[][]{{"--help"}, {"-h"}, {"help"}}) {
            CliRun help = CliRun.of(asked);
            assertEquals(0, help.code(), String.join(" ", asked));
            assertEquals("", help.err());
            assertTrue(help.out().startsWith("usage: java -jar hookbot.jar [COMMAND [ARGUMENT…]]"), help.out());
            assertTrue(help.out().contains("exit codes: 0 done, no mistakes; 1 mistakes found"), help.out());
        }
        CliRun check = CliRun.of("help", "check");
        assertEquals(0, check.code());
        assertTrue(check.out().startsWith("usage: java -jar hookbot.jar check [PATH…]"), check.out());
        CliRun tryHelp = CliRun.of("try", "bots", "--help");
        assertEquals(0, tryHelp.code());
        assertTrue(tryHelp.out().startsWith("usage: java -jar hookbot.jar try PATH"), tryHelp.out());
        assertEquals(2, CliRun.of("help", "chek").code());
    }

    @Test
    void theVersionIsTheProjectsOwn() throws IOException {
        Matcher pom = Pattern.compile("<artifactId>hookbot</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(pom.find());
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.code());
        assertEquals("hookbot " + pom.group(1) + "\n", version.out());
        assertEquals(pom.group(1), Version.current());
        assertEquals(2, CliRun.of("--version", "please").code());
    }

    @Test
    void anUnknownOptionOfACommandIsAUsageErrorAndNothingRuns() {
        CliRun tryBogus = CliRun.of("try", "bots/auto-reply.yml", "--bogus", "hello");
        assertEquals(2, tryBogus.code());
        assertEquals("", tryBogus.out(), "nothing was tried");
        assertTrue(tryBogus.err().startsWith("hookbot: try has no option --bogus\n"), tryBogus.err());
        assertTrue(tryBogus.err().contains("usage: java -jar hookbot.jar try PATH"), tryBogus.err());

        CliRun checkBogus = CliRun.of("check", "--bogus", "bots/auto-reply.yml");
        assertEquals(2, checkBogus.code());
        assertEquals("", checkBogus.out(), "nothing was checked, least of all the whole bots folder");
        assertTrue(checkBogus.err().contains("check has no option --bogus"), checkBogus.err());

        assertTrue(CliRun.of("check", "--channel", "sms-main", "bots").err().contains("did you mean --channels?"));
        assertTrue(CliRun.of("replay", "--rule", "bots", "bots/samples/webinato").err().contains("did you mean --rules?"));
        CliRun dashed = CliRun.of("try", "bots", "-x");
        assertEquals(2, dashed.code());
        assertTrue(dashed.err().contains("a text that starts with '-' goes after --"), dashed.err());
        CliRun property = CliRun.of("check", "bots", "-Dhookbot.bots-dir=x");
        assertTrue(property.err().contains("Settings go before -jar"), property.err());
    }

    @Test
    void optionsAreGivenOnceWithTheirValues() {
        assertTrue(CliRun.of("try", "bots", "--at", "2026-12-02T10:00", "--at", "2026-12-02T11:00", "hi").err()
                .contains("--at is given twice"));
        assertTrue(CliRun.of("try", "bots", "hi", "--channel").err().contains("--channel needs a value"));
        assertTrue(CliRun.of("try", "bots", "--first-message=yes", "hi").err().contains("--first-message takes no value"));
        assertEquals(2, CliRun.of("check", "bots", "--any-channel", "--channels", "sms-main").code());
        CliRun equals = CliRun.of("try", "bots", "--at=2026-12-02T10:00", "--channel=sms-main", "hi");
        assertEquals(0, equals.code(), equals.err());
        CliRun dash = CliRun.of("try", "bots", "--at", "2026-12-02T10:00", "--", "-5", "degrees");
        assertEquals(0, dash.code(), dash.err());
        assertTrue(dash.out().contains("message from +15550001: \"-5 degrees\""), dash.out());
    }

    @Test
    void tryNeedsATextForAMessageAndNoneForAnotherEvent() {
        CliRun none = CliRun.of("try", "bots/auto-reply.yml");
        assertEquals(2, none.code());
        assertEquals("", none.out());
        assertTrue(none.err().contains("try needs the message's text after bots/auto-reply.yml"), none.err());
        CliRun presence = CliRun.of("try", "bots", "--event", "presence.online", "hello");
        assertEquals(2, presence.code());
        assertTrue(presence.err().contains("only a message has a text"), presence.err());
        assertEquals(0, CliRun.of("try", "bots", "--event", "presence.online").code());
    }

    @Test
    void atTakesAnInstantOrADateAndTimeInUtc() {
        CliRun local = CliRun.of("try", "bots", "--at", "2026-12-02T10:00", "hi");
        assertTrue(local.out().contains(" at 2026-12-02T10:00:00Z\n"), local.out());
        CliRun offset = CliRun.of("try", "bots", "--at", "2026-12-02T10:00:00+01:00", "hi");
        assertTrue(offset.out().contains(" at 2026-12-02T09:00:00Z\n"), offset.out());
        CliRun wrong = CliRun.of("try", "bots", "--at", "tomorrow", "hi");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("--at takes a time such as 2026-12-02T10:00 (UTC)"), wrong.err());
    }

    @Test
    void aPathWithNothingToWorkOnIsAWrongCommandLine() throws IOException {
        assertEquals(2, CliRun.of("check", dir.resolve("missing.yml").toString()).code());
        CliRun emptyCheck = CliRun.of("check", dir.toString());
        assertEquals(2, emptyCheck.code());
        assertTrue(emptyCheck.err().contains("no rule files (*.yml, *.yaml) to check"), emptyCheck.err());
        assertEquals(2, CliRun.of("try", dir.toString(), "hi").code());
        Files.createDirectories(dir.resolve("sms-gateway"));
        CliRun emptyReplay = CliRun.of("replay", dir.toString());
        assertEquals(2, emptyReplay.code());
        assertTrue(emptyReplay.err().contains("no webhook files in it"), emptyReplay.err());
        assertTrue(CliRun.of("replay", "--platform", "webinato", "bots/samples/webinato").err()
                .contains("--platform names the platform of --channel"));
    }

    @Test
    void theJarRunsNoServerForAMistypedCommand() throws Exception {
        CliRun typo = CliRun.process(dir, "chek", "bots/");
        assertEquals(2, typo.code(), typo.out());
        assertTrue(typo.out().contains("unknown command 'chek'; did you mean 'check'?"), typo.out());
        assertFalse(typo.out().contains("Micronaut"), "no server was started: " + typo.out());
        assertFalse(Files.exists(dir.resolve("data")), "no database was opened");

        CliRun version = CliRun.process(dir, "--version");
        assertEquals(0, version.code(), version.out());
        assertEquals("hookbot " + Version.current(), version.out().strip());
    }

    @Test
    void theServerTakesSettingsAndSaysItsVersionFirst() throws Exception {
        Path bots = Files.createDirectories(dir.resolve("bots"));
        // a broken rule file stops the startup at once, after the server read the settings and logged its version
        Files.writeString(bots.resolve("broken.yml"), "bot: b\nrules:\n  - then: [{reply: \"{{nope}}\"}]\n");
        CliRun server = CliRun.process(dir, "--hookbot.bots-dir=" + bots, "-Dmicronaut.server.port=-1");
        assertEquals(1, server.code(), server.out());
        assertTrue(server.out().contains("INFO  [main] i.h.Application - hookbot " + Version.current() + " starting"),
                server.out());
        assertTrue(server.out().contains(bots.resolve("broken.yml") + ":3:20: reply: {{nope}}: unknown variable"),
                "the setting reached the server: " + server.out());
    }
}
