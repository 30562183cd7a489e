package io.hookbot.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code check} and {@code try} commands, run as a user runs them: arguments in, output and exit code out. */
class CliTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkPassesTheShippedBots() {
        Run run = run("check", "bots");
        assertEquals(0, run.code(), run.out());
        assertTrue(run.out().contains("bots/auto-reply.yml: ok, bot auto-reply"), run.out());
        assertTrue(run.out().contains("no mistakes"), run.out());
    }

    @Test
    void checkPassesTheExampleBots() {
        Run run = run("check", "bots/examples", "--any-channel");
        assertEquals(0, run.code(), run.out());
        assertTrue(run.out().contains("3 file(s) checked, no mistakes"), run.out());
    }

    @Test
    void theExamplesPassCheckWithTheConfigurationShippedForThem() {
        Run run = run("check", "--config", "bots/examples/config/application-examples.yml", "bots/examples");
        assertEquals(0, run.code(), run.out());
        assertTrue(run.out().endsWith("3 file(s) checked, no mistakes\n"), "and no warning: " + run.out());
    }

    /**
     * Every command of the README's command-line examples runs as written (exit 0), and each {@code try} gives the
     * time of its turn, so that its answer is the same at any hour.
     */
    @Test
    void theReadmesCommandLineExamplesRunAsWritten() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Rule files"), readme.indexOf("## Writing a plugin"));
        List<List<String>> commands = section.lines().filter(line -> line.startsWith("java -jar target/hookbot.jar "))
                .map(line -> words(line.substring("java -jar target/hookbot.jar ".length()))).toList();
        assertTrue(commands.size() >= 6, commands.toString());
        for (List<String> command : commands) {
            Run run = run(command.toArray(String[]::new));
            assertEquals(0, run.code(), command + "\n" + run.out() + run.err());
            if (command.get(0).equals("try")) {
                assertTrue(command.contains("--at"), "no --at: the answer depends on the hour: " + command);
            }
        }
    }

    /** A shell line's words: double quotes group, and a {@code #} outside them starts a comment. */
    private static List<String> words(String line) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && c == '#' && !inWord) {
                break;
            } else if (!quoted && c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void checkPrintsEveryMistakeWithItsLocationAndFails() throws IOException {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, """
                bot: broken
                channels: [sms-mian]
                rules:
                  - when: { regex: '(' }
                    then: [{reply: "{{match.x}}"}]
                """);
        Run run = run("check", dir.toString());
        assertEquals(1, run.code(), run.out());
        assertTrue(run.out().contains(file + ":2:11: unknown channel 'sms-mian'; channels configured under hookbot.channels: [sms-main]"), run.out());
        assertTrue(run.out().contains(file + ":4:20: regex is not a valid regular expression"), run.out());
        assertTrue(run.out().contains(file + ":5:20: reply: {{match.x}}"), run.out());
        assertTrue(run.out().contains("3 mistake(s)"), run.out());
    }

    @Test
    void checkTakesTheFilesGivenAsOneFolderWhereABotNameIsUsedOnce() throws IOException {
        Path a = Files.writeString(dir.resolve("a.yml"), "bot: desk\nrules:\n  - then: [{reply: a}]\n");
        Path b = Files.writeString(dir.resolve("b.yml"), "bot: desk\nrules:\n  - then: [{reply: b}]\n");
        Run run = run("check", "--any-channel", dir.toString(), a.toString());
        assertEquals(1, run.code(), run.out());
        assertEquals(List.of(a + ": ok, bot desk, 1 rules",
                b + ":1:6: the bot name 'desk' is already taken by " + a + ":1:6; give each bot a name of its own (its "
                        + "cooldowns and schedules are kept under it)",
                "2 file(s) checked, 1 mistake(s)"), run.out().lines().toList());
    }

    @Test
    void checkWarnsOfASilentChannelAndOfTwoBotsAnsweringOneMessageWithoutFailing() throws IOException {
        Path a = Files.writeString(dir.resolve("a.yml"), "bot: a\nchannels: [sms-main]\nrules:\n  - then: [{reply: a}]\n");
        Path b = Files.writeString(dir.resolve("b.yml"), "bot: b\nchannels: [sms-main]\nrules:\n  - then: [{reply: b}]\n");
        Run run = run("check", dir.toString(), "--channels", "sms-main=sms-gateway,room-42=webinato");
        assertEquals(0, run.code(), "warnings do not fail the check: " + run.out());
        assertEquals(List.of(a + ": ok, bot a, 1 rules", b + ": ok, bot b, 1 rules",
                "warning: channel 'room-42' (webinato) is answered by no bot: its webhooks are stored and acknowledged, and "
                        + "nothing answers them; name it in a bot's channels: (a bot without channels: serves them all), or "
                        + "remove it from the configuration",
                b + ":1:6: warning: bot 'b' and bot 'a' (" + a + ":1:6) can both answer one message on channel 'sms-main' "
                        + "(sms-gateway), and both answers go out; give the one that should answer first a higher priority: "
                        + "(the other then answers only what it leaves alone)",
                "2 file(s) checked, no mistakes, 2 warning(s)"), run.out().lines().toList());

        Files.writeString(a, "bot: a\nchannels: [sms-mian]\nrules:\n  - then: [{reply: a}]\n");
        Run broken = run("check", dir.toString(), "--channels", "sms-main=sms-gateway,room-42=webinato");
        assertEquals(1, broken.code());
        assertTrue(!broken.out().contains("warning"), "mistakes first: " + broken.out());
        assertTrue(!run("check", dir.toString(), "--any-channel").out().contains("warning"), "channels unknown");
    }

    @Test
    void checkTakesTheChannelsFromTheCommandLineOrIgnoresThem() throws IOException {
        Path file = dir.resolve("room.yml");
        Files.writeString(file, "bot: room\nchannels: [room-42]\nrules:\n  - then: [{reply: hi}]\n");
        assertEquals(1, run("check", file.toString()).code());
        assertEquals(0, run("check", file.toString(), "--channels", "room-42, sms-main").code());
        assertEquals(0, run("check", file.toString(), "--any-channel").code());
        assertEquals(2, run("check", dir.resolve("missing.yml").toString()).code(), "a wrong command line");
    }

    @Test
    void checkTakesTheChannelsFromAConfigurationFileOverTheDefaultOne() throws IOException {
        Path file = dir.resolve("room.yml");
        Files.writeString(file, "bot: room\nchannels: [room-42, sms-main]\nrules:\n  - then: [{reply: hi}]\n");
        Path config = dir.resolve("channels.conf.yml");
        Files.writeString(config, "hookbot:\n  channels:\n    room-42:\n      platform: webinato\n      token: t\n");
        Run withConfig = run("check", "--config", config.toString(), file.toString());
        assertEquals(1, withConfig.code(), withConfig.out());
        assertTrue(withConfig.out().contains("answers messages from channel 'room-42' (webinato)"), withConfig.out());
        assertTrue(!withConfig.out().contains("unknown channel"), "sms-main still comes from application.yml: " + withConfig.out());
        assertEquals(2, run("check", "--config", dir.resolve("none.yml").toString(), file.toString()).code());
    }

    @Test
    void checkKnowsThePlatformsItsConfigurationTurnsOn() throws IOException {
        Path file = dir.resolve("buggy.yml");
        Files.writeString(file, "bot: buggy\nrules:\n  - when: { platform: exploding }\n    then: [{reply: hi}]\n");
        Run unknown = run("check", file.toString(), "--any-channel");
        assertEquals(1, unknown.code(), unknown.out());
        assertTrue(unknown.out().contains("unknown platform 'exploding'"), unknown.out());
        // the test platform's bean is there only with this setting, as the server would have it
        Path config = dir.resolve("exploding.conf.yml");
        Files.writeString(config, "test:\n  exploding-platform: true\n");
        Run known = run("check", "--config", config.toString(), file.toString());
        assertEquals(0, known.code(), known.out());
    }

    @Test
    void checkRefusesAReplyToWebinatoOnceItKnowsTheChannelsPlatforms() throws IOException {
        Path file = dir.resolve("room.yml");
        Files.writeString(file, "bot: room\nchannels: [room-42]\nrules:\n  - then: [{reply: hi}]\n");
        Run known = run("check", file.toString(), "--channels", "room-42=webinato,sms-main=sms-gateway");
        assertEquals(1, known.code(), known.out());
        assertTrue(known.out().contains(file + ":4:13: reply: rule 'rule-1' answers messages from channel 'room-42' "
                + "(webinato), where there is no API to reply in the conversation; use send:"), known.out());
        assertEquals(0, run("check", file.toString(), "--channels", "room-42").code(), "platform unknown: not checked");
        Files.writeString(file, "bot: room\nchannels: [room-42]\nrules:\n"
                + "  - then: [{send: {channel: sms-main, to: \"+1555\", text: \"{{sender.name}}: {{text}}\"}}]\n");
        assertEquals(0, run("check", file.toString(), "--channels", "room-42=webinato,sms-main=sms-gateway").code());
    }

    @Test
    void tryShowsWhichRuleFiredWhatItDidAndWhyTheOthersDidNot() {
        Run run = run("try", "bots", "--at", "2024-05-06T09:30:00Z", "please", "send", "order", "#12345");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("event: message from +15550001: \"please send order #12345\" on sms-main (sms-gateway) at 2024-05-06T09:30:00Z", lines.get(0));
        assertTrue(lines.get(2).matches("  no +greeting \\(bots/auto-reply\\.yml:\\d+:5\\): wants keywords \\[hello, hi, hey, good morning]"), lines.get(2));
        assertTrue(run.out().contains("FIRED   order-status"), run.out());
        assertTrue(run.out().contains("captured {number=12345}"), run.out());
        assertTrue(run.out().contains("reply: Thanks! Order 12345 is being looked up"), run.out());
        assertTrue(run.out().contains("skipped fallback"), run.out());
    }

    @Test
    void trySaysWhichGuardrailBlockedARule() throws IOException {
        Files.writeString(dir.resolve("b.yml"), """
                bot: b
                guardrails:
                  quiet-hours: { from: "22:00", to: "07:00", zone: Europe/Paris }
                rules:
                  - name: hello
                    when: { keywords: [hello] }
                    then: [{reply: "hi"}]
                  - name: fallback
                    then: [{reply: "?"}]
                """);
        Run night = run("try", dir.toString(), "--at", "2024-05-06T23:00:00Z", "hello");
        assertTrue(night.out().contains("BLOCKED hello (" ), night.out());
        assertTrue(night.out().contains("blocked by quiet-hours: quiet hours 22:00-07:00 Europe/Paris"), night.out());
        assertTrue(night.out().contains("skipped fallback"), night.out());
        assertTrue(night.out().contains("no rule fired"), night.out());
        Run bot = run("try", dir.toString(), "--at", "2024-05-06T10:00:00Z", "--role", "bot", "hello");
        assertTrue(bot.out().contains("blocked by ignore-bots"), bot.out());
        Run day = run("try", dir.toString(), "--at", "2024-05-06T10:00:00Z", "hello");
        assertTrue(day.out().contains("FIRED   hello"), day.out());
    }

    @Test
    void tryShowsEveryBotThatAnswersAndWhichOnesAPriorityKeepsSilent() throws IOException {
        Files.writeString(dir.resolve("a-shop.yml"), "bot: shop\nrules:\n  - name: fallback\n    then: [{reply: shop}]\n");
        Files.writeString(dir.resolve("b-desk.yml"), "bot: desk\nrules:\n  - name: hello\n    then: [{reply: desk}]\n");
        Run both = run("try", dir.toString(), "--at", "2026-12-02T10:00", "hello");
        assertTrue(both.out().contains("bot shop\n  FIRED   fallback"), both.out());
        assertTrue(both.out().contains("bot desk\n  FIRED   hello"), both.out());
        assertTrue(both.out().contains("note: 2 bots answer this message on sms-main (shop, desk), and all their answers "
                + "go out; give the one that should answer first a higher priority:"), both.out());

        Files.writeString(dir.resolve("b-desk.yml"), "bot: desk\npriority: 10\nrules:\n  - name: hello\n    then: [{reply: desk}]\n");
        Run first = run("try", dir.toString(), "--at", "2026-12-02T10:00", "hello");
        assertTrue(first.out().contains("bot desk (priority 10)\n  FIRED   hello"), first.out());
        assertTrue(first.out().contains("bot shop\n  skipped fallback (" + dir.resolve("a-shop.yml")
                + ":3:5): bot 'desk' (priority 10) answered first"), first.out());
        assertTrue(!first.out().contains("note:"), first.out());
    }

    @Test
    void tryFeedsOtherEventsAndState() throws IOException {
        Files.writeString(dir.resolve("b.yml"), """
                bot: b
                rules:
                  - on: presence.online
                    when: { state: { vip: "yes" } }
                    then: [{send: {channel: sms-main, to: "+15550009", text: "welcome back {{sender.name}}"}}]
                """);
        Run run = run("try", dir.toString(), "--event", "presence.online", "--name", "Ann", "--state", "vip=yes");
        assertTrue(run.out().contains("send on sms-main to +15550009: welcome back Ann"), run.out());
        Run other = run("try", dir.toString(), "--event", "presence.online", "--name", "Ann");
        assertTrue(other.out().contains("wants state vip in [yes]"), other.out());
        assertTrue(other.out().contains("no rule fired"), other.out());
        Run message = run("try", dir.toString(), "hello");
        assertTrue(message.out().contains("answers presence.online events, not message.text"), message.out());
    }

    @Test
    void aWrongCommandLineExitsWithTwoAndTheUsage() {
        Run run = run("try", "bots", "--event", "presence.asleep", "x");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("usage: java -jar hookbot.jar"), run.err());
        assertEquals(2, run("try").code());
    }

    @Test
    void tryTakesPresenceAndFirstMessage() {
        Run offline = run("try", "bots/examples/support-desk.yml", "--at", "2024-05-06T09:30:00Z", "an", "agent", "please");
        assertTrue(offline.out().contains("no      agent-online (bots/examples/support-desk.yml:"), offline.out());
        assertTrue(offline.out().contains("wants presence of agent-7 on mqtt-main [online]"), offline.out());
        assertTrue(offline.out().contains("reply: Our agent is offline; we will call you back"), offline.out());
        assertTrue(offline.out().contains("wants the sender's first message"), offline.out());

        Run online = run("try", "bots/examples/support-desk.yml", "--at", "2024-05-06T09:30:00Z", "--first-message",
                "--presence", "agent-7@mqtt-main=online", "an", "agent", "please");
        assertTrue(online.out().contains("FIRED   welcome"), online.out());
        assertTrue(online.out().contains("send on mqtt-main to agent-7: Customer +15550001 asks for a person: an agent please"), online.out());
        assertTrue(online.out().contains("reply: Agent 7 will write to you in a moment."), online.out());
        assertEquals(2, run("try", "bots", "--presence", "agent-7=asleep", "hi").code());
    }

    @Test
    void replayRunsTheShippedSamplesThroughTheParsersAndTheRules() {
        Run run = run("replay", "--rules", "bots/examples", "bots/samples/webinato");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("bots/samples/webinato/realtimechat.form on webinato (webinato)"), run.out());
        assertTrue(run.out().contains("batch 4 carried no message"), run.out());
        assertTrue(run.out().contains("2016-04-15T13:33:00Z message from Maria Lopez (attendee): "
                + "\"Hello everyone, can you hear the presenter?\" [room:4520]"), run.out());
        assertTrue(run.out().contains("    webinar/question fired\n      send on sms-main to whatsapp:+15550142: "
                + "Question from Maria Lopez in room:4520 at 13:33: Hello everyone, can you hear the presenter?"), run.out());
        // the presenter's own message is not forwarded
        assertTrue(run.out().contains("Slides are coming up in a minute.\" [room:4520]\n    no rule fired"), run.out());
        assertTrue(run.out().contains("3 event(s) from 2 file(s), 2 rule(s) fired"), run.out());
    }

    @Test
    void replayCarriesStatePresenceAndSendersFromOneEventToTheNext() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("chat.yml"), """
                bot: chat
                rules:
                  - name: first
                    when: { first-message: true }
                    then: [{set: {step: asked}}, {reply: "hello {{sender.id}}, what is your order number?"}]
                  - name: number
                    when: { state: { step: asked }, regex: '(?<n>\\d+)' }
                    then: [{clear: step}, {reply: "order {{match.n}} noted; user 1 is {{presence.1}}"}]
                  - name: agent-online
                    when: { presence: { user: "1", is: online } }
                    then: [{reply: "user 1 is online"}]
                """);
        Path samples = Files.createDirectories(dir.resolve("mqtt-chat"));
        Files.writeString(samples.resolve("1-text.json"), chat(10, "hi"));
        Files.writeString(samples.resolve("2-online.json"), "{\"userid\":1,\"status\":\"online\",\"timestamp\":1602511600}");
        Files.writeString(samples.resolve("3-number.json"), chat(11, "it is 4242"));
        Files.writeString(samples.resolve("4-again.json"), chat(12, "thanks"));

        Run run = run("replay", "--rules", rules.toString(), samples.toString());

        assertEquals(0, run.code(), run.out() + run.err());
        String[] turns = run.out().split("\n  20");
        assertTrue(turns[1].contains("chat/first fired\n      set: step = asked\n      reply: hello 2, what is your order number?"), run.out());
        assertTrue(turns[2].contains("presence online of 1"), run.out());
        assertTrue(turns[3].contains("chat/number fired, captured {n=4242}\n      clear: step\n      reply: order 4242 noted; user 1 is online"), run.out());
        assertTrue(turns[4].contains("chat/agent-online fired\n      reply: user 1 is online"), run.out());
        assertTrue(run.out().contains("4 event(s) from 4 file(s), 3 rule(s) fired"), run.out());
    }

    @Test
    void replayReportsARefusedFileAndWrongArguments() throws IOException {
        Path samples = Files.createDirectories(dir.resolve("sms-gateway"));
        Files.writeString(samples.resolve("broken.json"), "{\"secret\":\"s\",\"type\":\"fax\",\"data\":{}}");
        Run refused = run("replay", samples.toString());
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("refused by sms-gateway: "), refused.out());
        assertTrue(refused.out().contains("'fax' is not one of sms, whatsapp, ussd, notification"), refused.out());

        Path elsewhere = Files.createDirectories(dir.resolve("misc"));
        Files.writeString(elsewhere.resolve("x.json"), "{}");
        Run unknown = run("replay", elsewhere.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("cannot tell its platform from the folder 'misc'"), unknown.err());
        assertEquals(0, run("replay", "--channel", "room-9", "--platform", "webinato",
                "bots/samples/webinato/realtimechat.form").code());
        assertEquals(2, run("replay", "--channel", "room-9", "bots/samples/webinato").code());
        assertEquals(2, run("replay").code());
    }

    private static String chat(int id, String text) {
        return "{\"from_userid\":2,\"to_userid\":3601,\"message\":{\"id\":" + id + ",\"message\":\"" + text
                + "\",\"type\":0,\"timestamp\":" + (1602511590 + id * 100) + "}}";
    }

    @Test
    void theApplicationMainRunsTheCommandWithoutTheServer() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.hookbot.Application", "check", "bots")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("1 file(s) checked, no mistakes"), output);
    }

    @Test
    void theApplicationMainReplaysSamples() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.hookbot.Application", "replay", "--rules",
                "bots/examples", "bots/samples/vcaas/meeting-start.json", "bots/samples/vcaas/meeting-end.json")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("    events/meeting-started fired\n      set: meeting = 12345\n"
                + "      send on sms-main to +15550100: Meeting 12345 started at 03:27."), output);
        assertTrue(output.contains("events/meeting-over fired\n      clear: meeting"), output);
        assertTrue(output.contains("2 event(s) from 2 file(s), 2 rule(s) fired"), output);
    }
}
