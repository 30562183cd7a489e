package io.hookbot.optout;

import java.time.Instant;

/**
 * One row of the registry: an address that opted out, and who, when and how.
 *
 * @param id      the row's id, the order of the admin list
 * @param scope   the registry (a channel's name or a shared scope)
 * @param address the address, as a send names it
 * @param channel the channel it was recorded on
 * @param source  how: a keyword, the admin API, an import
 * @param actor   who: the keyword as folded, the admin token's name; {@code null} when not known
 * @param eventId the message that said the keyword, or {@code null}
 * @param at      when
 */
public record OptOut(long id, String scope, String address, String channel, Source source, String actor,
                     Long eventId, Instant at) {

    /** How an address came to be opted out. */
    public enum Source {
        /** The person sent a stop keyword. */
        KEYWORD,
        /** An operator added it (admin API or dashboard). */
        ADMIN,
        /** A CSV import. */
        IMPORT
    }
}
