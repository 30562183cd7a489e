package io.hookbot.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which plugin answers hookbot commits, and the reason it gives for the others. */
class PluginCallsTest {

    @Test
    void wellFormedActionsPass() {
        assertNull(PluginCalls.problem(List.of(Reply.text("hi"), Send.text("wa-sales", "+639170000001", "new lead"),
                new SetState("k", "v"), new ClearState("k"))));
        assertNull(PluginCalls.problem(List.of()));
    }

    @Test
    void aSendNeedsAChannelARecipientAndAText() {
        assertEquals("action 1: a send needs the channel to send on: Send[channel=null, to=+1, text=hi, attachments=[]]",
                PluginCalls.problem(List.of(Reply.text("ok"), Send.text(null, "+1", "hi"))));
        assertEquals("action 0: a send needs the channel to send on: Send[channel= , to=+1, text=hi, attachments=[]]",
                PluginCalls.problem(List.of(Send.text(" ", "+1", "hi"))));
        assertEquals("action 0: a send needs a recipient (to): Send[channel=sms-main, to=, text=hi, attachments=[]]",
                PluginCalls.problem(List.of(Send.text("sms-main", "", "hi"))));
        assertEquals("action 0: a send with no text: Send[channel=sms-main, to=+1, text=null, attachments=[]]",
                PluginCalls.problem(List.of(Send.text("sms-main", "+1", null))));
    }

    @Test
    void aHandOffNeedsAWholeTargetOrNoneAnIdleTimeWithinBoundsAndAShortNote() {
        assertNull(PluginCalls.problem(List.of(new HandOff("agents", "+1", java.time.Duration.ofHours(4), "why"),
                HandOff.unrouted(java.time.Duration.ofSeconds(1), null))));
        assertEquals("action 0: a hand-off's agent target needs both a channel and an address, or neither: "
                        + "HandOff[channel=agents, address=null, idle=PT4H, note=null]",
                PluginCalls.problem(List.of(new HandOff("agents", null, java.time.Duration.ofHours(4), null))));
        assertEquals("action 0: a hand-off's idle time must be between 1s and 30d: null",
                PluginCalls.problem(List.of(HandOff.unrouted(null, null))));
        assertEquals("action 0: a hand-off's idle time must be between 1s and 30d: PT744H",
                PluginCalls.problem(List.of(HandOff.unrouted(java.time.Duration.ofDays(31), null))));
        assertEquals("action 0: a hand-off's note is longer than 1000 characters",
                PluginCalls.problem(List.of(HandOff.unrouted(java.time.Duration.ofHours(1), "n".repeat(1001)))));
    }

    @Test
    void nullsAndIncompleteStateChangesAreRefused() {
        assertEquals("returned null instead of a list of actions (return List.of() to do nothing)",
                PluginCalls.problem(null));
        assertEquals("action 0: a reply with no text", PluginCalls.problem(List.of(Reply.text(null))));
        assertEquals("action 0: clear state needs a key", PluginCalls.problem(List.of(new ClearState(null))));
    }
}
