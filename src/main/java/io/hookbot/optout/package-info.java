/**
 * Opt-outs (STOP, START, HELP), honoured in the core so that no rule file, plugin or schedule can forget them: each
 * channel's policy ({@link io.hookbot.optout.OptOutPolicies}, from {@code hookbot.channels.<name>.opt-out.*}, on by
 * default where the platform says so: sms-gateway's SMS and WhatsApp), the registry of addresses that opted out
 * ({@link io.hookbot.optout.OptOutStore}, the {@code opt_out} table, per scope), the keywords said in a turn,
 * handled in the turn's transaction before its rules ({@link io.hookbot.optout.OptOutKeywords}), and the check every
 * outbound message passes as it becomes an outbox row ({@link io.hookbot.optout.OptOutGate}). The operator's list,
 * import and export are the admin package's, over the same store.
 *
 * <p>Depends on {@code api}, {@code channel} and {@code db} (one look-up for many keys is written per database); the inbox calls the keywords, the outbox the gate, the admin
 * package the store, and none of them is called back.
 */
package io.hookbot.optout;
