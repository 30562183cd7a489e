package com.example.faq;

import io.hookbot.api.Send;
import io.hookbot.testing.plugins.PluginAnswer;
import io.hookbot.testing.plugins.PluginTester;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The FAQ plugin as hookbot runs it, through hookbot's plugin test kit: no server, no database. */
class FaqPluginTest {

    private final PluginTester tester = PluginTester.of(new FaqPlugin());

    @Test
    void aQuestionFromThePackagedFaqIsAnswered() {
        assertEquals("We are open Monday to Saturday, 9:00 to 18:00.",
                tester.receives("Hi! What time do you open on Saturday?").from("+639170000001").on("sms-main").reply());
        assertEquals("Delivery takes 2 to 4 working days in Metro Manila, 5 to 7 elsewhere.",
                tester.receives("how many days until my order is delivered").from("+639170000001").reply());
    }

    @Test
    void theLineOfTheLastQuestionAnsweredIsKeptInTheConversation() {
        tester.receives("can I pay with gcash").from("+639170000001").answer();

        assertEquals("4", tester.state("+639170000001").get("faq.last"));
    }

    @Test
    void theEntryWithTheMostKeywordsWins() {
        assertEquals("You can return an item within 7 days; reply RETURN and your order number to start.",
                tester.receives("refund or exchange? it was delivered broken").reply());
    }

    @Test
    void anUnknownQuestionIsLeftToTheOtherRulesUnlessAFallbackIsSet() {
        assertEquals(List.of(), tester.receives("do you sell gift vouchers for weddings").answer().actions());

        tester.setting("fallback", "Sorry, I don't know that one.");
        assertEquals("Sorry, I don't know that one.", tester.receives("do you sell gift vouchers for weddings").reply());
    }

    @Test
    void anUnknownQuestionIsForwardedToAPersonWhenEscalationIsSet() {
        tester.setting("escalate-channel", "wa-team").setting("escalate-to", "whatsapp:+639170000009");

        PluginAnswer answer = tester.receives("do you sell gift vouchers").from("+639170000001").on("sms-main").answer();

        assertEquals(Send.text("wa-team", "whatsapp:+639170000009",
                "Question from +639170000001 on sms-main: do you sell gift vouchers"), answer.send());
        assertEquals("Thanks! Someone from our team will get back to you.", answer.reply());
    }

    @Test
    void aBrokenCsvIsRefusedWithTheLineThatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Faq.read(csv(
                "keywords,answer\nhours,\"We open at 9\nrefund\n")));
        assertTrue(e.getMessage().startsWith("line 2: a quoted field is not closed"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Faq.read(csv("question,answer\nhours,9 to 6\n")));
        assertTrue(e.getMessage().startsWith("line 1: the header must be 'keywords,answer'"), e.getMessage());
    }

    @Test
    void quotedAnswersKeepTheirCommasAndQuotes() throws Exception {
        Faq faq = Faq.read(csv("keywords,answer\nhours,\"Open 9 to 6, \"\"sharp\"\"\"\n"));

        assertEquals("Open 9 to 6, \"sharp\"", faq.match("hours?").orElseThrow().answer());
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
