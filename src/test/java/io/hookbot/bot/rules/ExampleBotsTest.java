package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.MessageKind;
import io.hookbot.api.User;
import io.hookbot.bot.guard.Cooldown;
import io.hookbot.bot.guard.Guardrails;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example bots in {@code bots/examples/} do what their comments and {@code docs/rules.md} say. */
class ExampleBotsTest {

    private static final BotDefinition DESK = new RuleFileParser().parse(Path.of("bots/examples/support-desk.yml"));
    /** A Monday, 10:00 in Paris. */
    private static final Instant OPEN = Instant.parse("2024-05-06T08:00:00Z");

    private static Bots.Outcome say(String text, Map<String, String> state, Instant at) {
        return Bots.run(DESK, Bots.message(text), "sms-gateway", state, at);
    }

    @Test
    void optOutSilencesTheBot() {
        Bots.Outcome stop = say("Stop!", Map.of(), OPEN);
        assertEquals("You will not hear from us again. Send START to undo.", stop.reply());
        Bots.Outcome later = say("hello?", stop.state(), OPEN);
        assertEquals(List.of("support-desk/silent-after-opt-out"), later.matched());
        assertTrue(later.actions().isEmpty());
    }

    @Test
    void twoStepOrderLookup() {
        Bots.Outcome asked = say("Where is my parcel?", Map.of(), OPEN);
        assertEquals("Which order number? (4 to 10 digits)", asked.reply());
        Bots.Outcome answered = Bots.run(DESK, Bots.message("sms-main", new User("+1", "Ann", null), "it's 123456",
                MessageKind.TEXT), "sms-gateway", asked.state(), OPEN);
        assertEquals("Thanks Ann, order 123456 is on its way.", answered.reply());
        assertEquals(Map.of("last-order", "123456"), answered.state());
        assertEquals("Order 98765 is on its way.", say("ORDER #98765", Map.of(), OPEN).reply());
    }

    @Test
    void vipPicturesOfficeHoursAndFallback() {
        assertEquals("Hello +15550001, a person will call you back within the hour.", say("hi", Map.of("tier", "gold"), OPEN).reply());
        assertEquals("Nice! We read text messages only, though.", Bots.run(DESK,
                Bots.message("sms-main", User.of("+1"), "", MessageKind.STICKER), "sms-gateway", Map.of(), OPEN).reply());
        assertEquals("We are closed (it is 20:00 on Saturday here). We answer Monday to Friday, 9:00 to 18:00.",
                say("hi", Map.of(), Instant.parse("2024-05-11T18:00:00Z")).reply());
        assertEquals("Sorry, I did not understand \"hi\". Send ORDER followed by its number, or STOP.",
                say("hi", Map.of(), OPEN).reply());
    }

    @Test
    void aNewcomerIsWelcomedAndTheAgentIsAskedOnlyWhenOnline() {
        LookupConditionsTest.MapPresence presence = new LookupConditionsTest.MapPresence();
        Bots.Outcome first = Bots.run(DESK, Bots.message("an agent please"), "sms-gateway", Map.of(), OPEN,
                TurnLookups.of(presence, true));
        assertEquals(List.of("Welcome to the support desk! Send ORDER and a number to follow an order, or AGENT for a person.",
                "Our agent is offline; we will call you back during office hours."), first.replies());
        presence.with("mqtt-main", "agent-7", io.hookbot.api.PresenceChanged.Status.ONLINE, Map.of());
        Bots.Outcome online = Bots.run(DESK, Bots.message("an agent please"), "sms-gateway", Map.of(), OPEN,
                TurnLookups.of(presence, false));
        assertEquals(List.of(io.hookbot.api.Send.text("mqtt-main", "agent-7", "Customer +15550001 asks for a person: an agent please")),
                online.sends());
        assertEquals("Agent 7 will write to you in a moment.", online.reply());
    }

    @Test
    void theEventsBotTellsSomeoneWithSendsAndTheWebinarBotForwardsQuestions() {
        BotDefinition events = new RuleFileParser().parse(Path.of("bots/examples/events.yml"));
        var started = new io.hookbot.api.MeetingEvent("class-7", "meeting:12", "12", io.hookbot.api.MeetingEvent.Type.STARTED,
                null, OPEN, Map.of());
        Bots.Outcome announced = Bots.run(events, started, "vcaas", Map.of(), OPEN);
        assertEquals("Meeting 12 started at 08:00.", announced.sends().get(0).text());
        assertEquals("https://example.com/agenda/12.pdf", announced.sends().get(1).attachments().get(0).url());
        assertEquals(Map.of("meeting", "12"), announced.state());

        BotDefinition webinar = new RuleFileParser().parse(Path.of("bots/examples/webinar.yml"));
        var question = Bots.message("room-42", new User("Ann", "Ann", "attendee"), "Is the deck online?", MessageKind.TEXT);
        Bots.Outcome forwarded = Bots.run(webinar, question, "webinato", Map.of(), OPEN, TurnLookups.of(
                new LookupConditionsTest.MapPresence(), false));
        assertEquals(List.of(io.hookbot.api.Send.text("sms-main", "whatsapp:+15550142",
                "Question from Ann in conv-1 at 08:00: Is the deck online?")), forwarded.sends());
        var presenter = Bots.message("room-42", new User("Bo", "Bo", "presenter"), "Any questions?", MessageKind.TEXT);
        assertTrue(Bots.run(webinar, presenter, "webinato", Map.of(), OPEN).actions().isEmpty());
    }

    @Test
    void theReadmeBotGreetsHelpsAndFallsBack() {
        BotDefinition readme = new RuleFileParser().parse(Path.of("bots/auto-reply.yml"));
        assertEquals("Hello +15550001! I'm the hookbot demo bot. Send HELP to see what I can do.",
                Bots.run(readme, Bots.message("hello")).reply());
        assertTrue(Bots.run(readme, Bots.message("HELP")).reply().startsWith("I answer HELLO and HELP"));
        assertEquals("Sorry, I did not understand \"what?\". Send HELP for the list of commands.",
                Bots.run(readme, Bots.message("what?")).reply());
    }

    @Test
    void theDeskKeepsQuietAtNightAndTellsEachCustomerItIsClosedOncePerSixHours() {
        // Tuesday 23:30 in Paris
        Outcome outcome = DESK.answer(Evaluation.of(Bots.message("hi"), "sms-gateway",
                Instant.parse("2024-05-07T21:30:00Z"), Map.of()).with(GuardrailRulesTest.STATIC));
        List<Action> actions = outcome.actions();
        List<String> matched = outcome.matched();
        assertEquals(List.of("support-desk/after-hours (blocked by quiet-hours)"), matched);
        assertTrue(actions.isEmpty());
        Guardrails afterHours = DESK.rules().stream().filter(r -> r.name().equals("after-hours")).findFirst()
                .orElseThrow().guardrails();
        assertEquals(new Cooldown(Duration.ofHours(6), Cooldown.Per.USER), afterHours.cooldown());
        assertEquals(5, afterHours.repliesPerMinute());
    }

    @Test
    void theEventsBotSendsAMorningDigestOnWeekdays() {
        BotDefinition events = new RuleFileParser().parse(Path.of("bots/examples/events.yml"));
        // Friday 10:00 in Paris: the next digest is Monday's at 9:00 there
        assertEquals(Instant.parse("2024-05-13T07:00:00Z"),
                events.schedules().get("morning-digest").next(Instant.parse("2024-05-10T08:00:00Z")));
    }
}
