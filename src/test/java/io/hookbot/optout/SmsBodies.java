package io.hookbot.optout;

import java.util.concurrent.atomic.AtomicLong;

/** Webhook bodies of the sms-gateway platform, as JSON, for the opt-out tests; each message a new gateway id. */
final class SmsBodies {

    static final String JSON = "application/json";
    private static final AtomicLong IDS = new AtomicLong(1000);

    private SmsBodies() {
    }

    /** @return an SMS from {@code phone} saying {@code text}, under a new id */
    static String sms(String phone, String text) {
        return sms(IDS.incrementAndGet(), phone, text);
    }

    /** @return an SMS under the given gateway id (the same id twice is a platform's retry) */
    static String sms(long id, String phone, String text) {
        return "{\"secret\":\"demo-secret\",\"type\":\"sms\",\"data\":{\"id\":" + id + ",\"phone\":\"" + phone
                + "\",\"device\":\"dev-1\",\"sim\":1,\"message\":\"" + text + "\",\"timestamp\":1645684231}}";
    }

    /** @return a WhatsApp message from {@code phone} to the account {@code +15559990000}, under a new id */
    static String whatsapp(String phone, String text) {
        return "{\"secret\":\"demo-secret\",\"type\":\"whatsapp\",\"data\":{\"id\":" + IDS.incrementAndGet()
                + ",\"wid\":\"+15559990000\",\"phone\":\"" + phone + "\",\"message\":\"" + text
                + "\",\"timestamp\":1645684231}}";
    }

    /** @return a new gateway id */
    static long nextId() {
        return IDS.incrementAndGet();
    }
}
