package io.hookbot.optout;

/**
 * What an opt-out keyword did in a turn, for the turn to act on: the confirmation to send (the one message allowed
 * to an address that just opted out) and the sender's standing after it.
 *
 * @param keyword      the keyword the message was, or {@code null} when it was none (or the channel does not honour
 *                     opt-outs, or the event is not a message)
 * @param changed      whether the registry changed (a STOP of an address not opted out, a START of one that was)
 * @param confirmation the text to answer with, or {@code null} for none: a repeated STOP (a second one, or a
 *                     platform's retry under a new id) is not confirmed again, a START of an address that had not
 *                     opted out is an ordinary message
 * @param policy       the channel's policy, or {@code null} when it does not honour opt-outs
 * @param address      the sender's opt-out address, or {@code null} when there is no policy or no message
 */
public record KeywordTurn(OptOutPolicy.Keyword keyword, boolean changed, String confirmation, OptOutPolicy policy,
                          String address) {

    /** A turn with no keyword. */
    public static KeywordTurn none(OptOutPolicy policy, String address) {
        return new KeywordTurn(null, false, null, policy, address);
    }

    /** @return whether hookbot's confirmation text is to be replaced by the rules' first reply */
    public boolean confirmedByRules() {
        return confirmation != null && policy.confirmWith() == OptOutPolicy.ConfirmWith.RULES;
    }
}
