package io.hookbot.bot.rules;

import io.hookbot.api.DeviceEvent;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Rules answer presence changes, meeting events and device events (with sends), by family and type. */
class TriggersTest {

    private static final BotDefinition BOT = Bots.parse("""
            bot: b
            rules:
              - on: presence.online
                then: [{send: {channel: sms-main, to: "+15550009", text: "welcome back {{sender.name}}"}}]
              - on: [presence.joined, presence.waiting]
                when: { role: teacher }
                then: [{send: {channel: sms-main, to: "+15550009", text: "{{sender.id}} {{event.status}} {{event.scope}}"}}]
              - on: meeting.started
                then: [{send: {channel: sms-main, to: "+15550009", text: "meeting {{event.meeting}} started by {{sender.name | someone}}"}}]
              - on: meeting
                then: [{send: {channel: sms-main, to: "+15550009", text: "meeting {{event.type}}, end type {{event.endType | n/a}}"}}]
              - on: device.ussd
                then: [{send: {channel: sms-main, to: "+15550009", text: "USSD {{event.code}}: {{event.response}}"}}]
              - on: device.notification
                then: [{send: {channel: sms-main, to: "+15550009", text: "{{event.package}} says {{event.title}}"}}]
              - then: [{reply: "a message"}]
            """);

    private static String reply(io.hookbot.api.Event event) {
        Bots.Outcome outcome = Bots.run(BOT, event);
        return outcome.sent() != null ? outcome.sent() : outcome.reply();
    }

    @Test
    void presence() {
        assertEquals("welcome back Ann", reply(presence(new User("7", "Ann", null), PresenceChanged.Status.ONLINE)));
        assertEquals("7 waiting m-1", reply(presence(new User("7", "Ann", "Teacher"), PresenceChanged.Status.WAITING)));
        assertNull(reply(presence(new User("8", "Bob", "student"), PresenceChanged.Status.JOINED)));
        assertNull(reply(presence(User.of("8"), PresenceChanged.Status.OFFLINE)));
    }

    @Test
    void meeting() {
        assertEquals("meeting m-1 started by someone", reply(meeting(MeetingEvent.Type.STARTED, Map.of())));
        assertEquals("meeting ended-irregularly, end type 2",
                reply(meeting(MeetingEvent.Type.ENDED_IRREGULARLY, Map.of("endType", 2))));
        assertEquals("meeting recording-started, end type n/a", reply(meeting(MeetingEvent.Type.RECORDING_STARTED, Map.of())));
    }

    @Test
    void device() {
        assertEquals("USSD *100#: Balance 5", reply(new DeviceEvent("sms-main", "dev", "dev", DeviceEvent.Type.USSD_RESPONSE,
                Map.of("code", "*100#", "response", "Balance 5"), Bots.NOON_UTC_MONDAY)));
        assertEquals("com.bank says Payment", reply(new DeviceEvent("sms-main", "dev", "dev", DeviceEvent.Type.NOTIFICATION,
                Map.of("package", "com.bank", "title", "Payment"), Bots.NOON_UTC_MONDAY)));
    }

    @Test
    void messagesStillReachTheMessageRule() {
        assertEquals("a message", reply(Bots.message("anything")));
    }

    private static PresenceChanged presence(User user, PresenceChanged.Status status) {
        return new PresenceChanged("room-42", "m-1", user, status, "m-1", Bots.NOON_UTC_MONDAY);
    }

    private static MeetingEvent meeting(MeetingEvent.Type type, Map<String, Object> details) {
        return new MeetingEvent("room-42", "m-1", "m-1", type, null, Bots.NOON_UTC_MONDAY, details);
    }
}
