package io.hookbot.admin;

import io.hookbot.inbox.journal.QuarantinedEvents;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inbox quarantine through the admin API: acknowledged events the inbox table refused for good, listed, shown,
 * retried once the cause is fixed, or dropped ({@link QuarantinedEvents}).
 */
@Singleton
public class QuarantineAdminService {

    private static final Logger LOG = LoggerFactory.getLogger(QuarantineAdminService.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    private final QuarantinedEvents quarantine;

    public QuarantineAdminService(QuarantinedEvents quarantine) {
        this.quarantine = quarantine;
    }

    /** @return {@code items} (oldest first, without their payloads) and {@code total} */
    public Map<String, Object> list() {
        List<QuarantinedEvents.Entry> entries = quarantine.list();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", entries.stream().map(entry -> view(entry, false)).toList());
        body.put("total", entries.size());
        return body;
    }

    /**
     * @param id a quarantined event's id
     * @return the event with its stored form
     * @throws AdminException 400 for an id that is not one, 404 if it is not quarantined
     */
    public Map<String, Object> show(String id) {
        return view(quarantine.find(checked(id)).orElseThrow(() -> notFound(id)), true);
    }

    /**
     * @param id a quarantined event's id
     * @return {@code id} and {@code status}: {@code STORED} (pending now) or {@code DUPLICATE} (already stored)
     * @throws AdminException 404 if it is not quarantined, 409 if the table still refuses it
     */
    public Map<String, Object> retry(String id) {
        QuarantinedEvents.RetryResult result = quarantine.retry(checked(id));
        switch (result) {
            case NOT_FOUND -> throw notFound(id);
            case REFUSED -> throw AdminException.conflict("the inbox table still refuses quarantined event " + id
                    + ": " + quarantine.find(id).map(QuarantinedEvents.Entry::error).orElse("unknown error"));
            default -> {
            }
        }
        LOG.info("Quarantined event {} retried by the admin API: {}", id, result);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status", result.name());
        return body;
    }

    /**
     * @param id a quarantined event's id
     * @return {@code id} and {@code dropped: true}
     * @throws AdminException 404 if it is not quarantined
     */
    public Map<String, Object> drop(String id) {
        if (!quarantine.drop(checked(id))) {
            throw notFound(id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("dropped", true);
        return body;
    }

    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw AdminException.invalid("id", "a quarantined event's id is 16 hexadecimal digits (from GET "
                    + "/admin/inbox/quarantine)");
        }
        return id;
    }

    private static AdminException notFound(String id) {
        return AdminException.notFound("there is no quarantined event " + id);
    }

    private static Map<String, Object> view(QuarantinedEvents.Entry entry, boolean withEvent) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("channel", entry.channel());
        view.put("conversation", entry.conversation());
        view.put("type", entry.type());
        view.put("dedupeKey", entry.dedupeKey());
        view.put("receivedAt", entry.receivedAt().toString());
        view.put("quarantinedAt", entry.quarantinedAt().toString());
        view.put("error", entry.error());
        view.put("characters", entry.payload().length());
        if (withEvent) {
            view.put("event", StoredPayloads.parse(entry.payload()));
        }
        return view;
    }

}
