package io.hookbot.optout;

import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.Platforms;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each channel's {@code opt-out.*}: the defaults per platform, keywords and texts of the channel's own (other
 * languages, accents folded, whole messages only), and every wrong value refused in one line that names it.
 */
class OptOutPoliciesTest {

    private static OptOutPolicies policies(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>();
        all.put("hookbot.channels.sms-main.platform", "sms-gateway");
        all.put("hookbot.channels.sms-main.secret", "s");
        all.put("hookbot.channels.room.platform", "mqtt-chat");
        all.put("hookbot.channels.room.token", "t");
        all.putAll(settings);
        try (ApplicationContext context = ApplicationContext.builder().properties(all).deduceEnvironment(false)
                .banner(false).build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            return new OptOutPolicies(new ChannelRegistry(environment, Platforms.onClassPath(), List.of()));
        }
    }

    private static String refused(Map<String, Object> settings) {
        return assertThrows(ChannelConfigException.class, () -> policies(settings)).getMessage();
    }

    @Test
    void onForSmsGatewayOffElsewhereByDefault() {
        OptOutPolicies policies = policies(Map.of());
        OptOutPolicy sms = policies.of("sms-main").orElseThrow();
        assertTrue(sms.enabled());
        assertEquals("sms-main", sms.scope());
        assertEquals(OptOutPolicy.ConfirmWith.HOOKBOT, sms.confirmWith());
        assertTrue(policies.enabled("room").isEmpty());
        assertTrue(policies.of("room").orElseThrow().keyword("STOP").isEmpty(), "off: STOP is an ordinary message");
    }

    @Test
    void theDefaultKeywordsMatchWholeMessagesOnly() {
        OptOutPolicy sms = policies(Map.of()).of("sms-main").orElseThrow();
        for (String stop : List.of("STOP", "stop", " Stop\n", "STOPALL", "unsubscribe", "Cancel", "END", "quit")) {
            assertEquals(OptOutPolicy.Keyword.STOP, sms.keyword(stop).orElse(null), stop);
        }
        for (String start : List.of("START", "unstop", "YES")) {
            assertEquals(OptOutPolicy.Keyword.START, sms.keyword(start).orElse(null), start);
        }
        assertEquals(OptOutPolicy.Keyword.HELP, sms.keyword("help").orElse(null));
        assertEquals(OptOutPolicy.Keyword.HELP, sms.keyword("INFO").orElse(null));
        for (String not : List.of("please stop", "STOP!", "stop it", "s t o p", "", "stopp")) {
            assertTrue(sms.keyword(not).isEmpty(), not);
        }
    }

    @Test
    void aChannelHasItsOwnKeywordsAndTextsInItsLanguages() {
        OptOutPolicy sms = policies(Map.of(
                "hookbot.channels.sms-main.opt-out.stop-words", "ARRÊT, baja,STOP",
                "hookbot.channels.sms-main.opt-out.start-words", "alta",
                "hookbot.channels.sms-main.opt-out.help-words", "none",
                "hookbot.channels.sms-main.opt-out.stop-reply", "Vous êtes désinscrit.",
                "hookbot.channels.sms-main.opt-out.confirm-with", "Rules",
                "hookbot.channels.sms-main.opt-out.scope", "acme.sms")).of("sms-main").orElseThrow();
        assertEquals(OptOutPolicy.Keyword.STOP, sms.keyword("arret").orElse(null), "accents are folded");
        assertEquals(OptOutPolicy.Keyword.STOP, sms.keyword("Arrêt").orElse(null));
        assertEquals(OptOutPolicy.Keyword.STOP, sms.keyword("BAJA").orElse(null));
        assertEquals(OptOutPolicy.Keyword.START, sms.keyword("ALTA").orElse(null));
        assertTrue(sms.keyword("START").isEmpty(), "the channel's list replaces the defaults");
        assertTrue(sms.keyword("HELP").isEmpty(), "none: no help keyword");
        assertEquals("Vous êtes désinscrit.", sms.stopReply());
        assertEquals(OptOutPolicy.ConfirmWith.RULES, sms.confirmWith());
        assertEquals("acme.sms", sms.scope());
    }

    @Test
    void aChannelOfAnyPlatformMayTurnItOnAndSmsMayTurnItOff() {
        OptOutPolicies policies = policies(Map.of("hookbot.channels.room.opt-out.enabled", "true",
                "hookbot.channels.sms-main.opt-out.enabled", "false"));
        assertTrue(policies.enabled("room").isPresent());
        assertTrue(policies.enabled("sms-main").isEmpty());
    }

    @Test
    void everyWrongValueIsNamed() {
        assertEquals("hookbot.channels.sms-main.opt-out.enabled must be true or false, not 'maybe'",
                refused(Map.of("hookbot.channels.sms-main.opt-out.enabled", "maybe")));
        assertTrue(refused(Map.of("hookbot.channels.sms-main.opt-out.scope", "a b"))
                .startsWith("hookbot.channels.sms-main.opt-out.scope must be 1 to 100 letters"));
        assertTrue(refused(Map.of("hookbot.channels.sms-main.opt-out.stop-words", "STOP,,END"))
                .startsWith("hookbot.channels.sms-main.opt-out.stop-words has an empty keyword"));
        assertTrue(refused(Map.of("hookbot.channels.sms-main.opt-out.stop-words", "none"))
                .contains("opt-out.stop-words"), "a channel that honours opt-outs has a stop word");
        assertEquals("hookbot.channels.sms-main.opt-out.start-words has 'stop', which is one of "
                        + "hookbot.channels.sms-main.opt-out.stop-words too; a keyword means one thing",
                refused(Map.of("hookbot.channels.sms-main.opt-out.start-words", "Stop")));
        assertEquals("hookbot.channels.sms-main.opt-out.confirm-with must be hookbot or rules, not 'bot'",
                refused(Map.of("hookbot.channels.sms-main.opt-out.confirm-with", "bot")));
        assertTrue(refused(Map.of("hookbot.channels.sms-main.opt-out.help-reply", "x".repeat(1601)))
                .startsWith("hookbot.channels.sms-main.opt-out.help-reply is 1601 characters; at most 1600"));
        assertTrue(refused(Map.of("hookbot.channels.room.opt-out.enabled", "true",
                "hookbot.channels.room.opt-out.scope", "sms-main"))
                .contains("channels share opt-outs only within one platform"));
        assertTrue(refused(Map.of("hookbot.channels.sms-main.opt-out.stop-wrods", "X"))
                .contains("(did you mean opt-out.stop-words?)"));
    }

    @Test
    void aDisabledChannelsWordsAreNotChecked() {
        assertFalse(policies(Map.of("hookbot.channels.room.opt-out.scope", "sms-main")).enabled("room").isPresent());
    }
}
