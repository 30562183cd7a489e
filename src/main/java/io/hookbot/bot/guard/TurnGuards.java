package io.hookbot.bot.guard;

import io.hookbot.api.ScheduleFired;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The guardrails of the running bot. Its gate joins the caller's transaction (the dispatcher's turn, a schedule
 * firing's too), so a cooldown taken or a message counted commits or rolls back together with the turn's outbox
 * rows: a turn that fails and is retried has not used up the cooldown.
 *
 * <p>Checks run in this order, cheapest first, and stop at the first that blocks: the bot's own message, another
 * bot, quiet hours, the reply cap, the cooldown. The cooldown comes last because checking it takes it.
 */
@Singleton
public class TurnGuards implements FiredRuleGate {

    private static final Logger LOG = LoggerFactory.getLogger(TurnGuards.class);

    private final TransactionOperations<Connection> transactions;
    private final GuardLedger ledger;
    private final BotOwnIds channelSelf;

    public TurnGuards(TransactionOperations<Connection> transactions, GuardLedger ledger, BotOwnIds channelSelf) {
        this.transactions = transactions;
        this.ledger = ledger;
        this.channelSelf = channelSelf;
    }

    @Override
    public Optional<Blocked> check(FiredRule firing) {
        String channel = firing.event() == null ? ScheduleFired.CHANNEL : firing.event().channel();
        String key = firing.event() == null ? firing.name() : firing.event().conversation();
        Optional<Blocked> blocked = StaticGuards.check(firing, channelSelf.of(channel));
        if (blocked.isEmpty()) {
            blocked = transactions.executeWrite(status -> durable(status.getConnection(), firing));
        }
        blocked.ifPresent(b -> {
            LOG.debug("Rule {} fired on {}/{} but is blocked by {}", firing.name(), channel, key, b);
            transactions.executeWrite(status -> {
                ledger.countBlock(status.getConnection(), channel, key, firing, b.guardrail());
                return null;
            });
        });
        return blocked;
    }

    @Override
    public void fired(FiredRule firing, int messages) {
        if (messages == 0 || firing.event() == null) {
            return;
        }
        transactions.executeWrite(status -> {
            ledger.addReplies(status.getConnection(), firing.event().channel(), firing.event().conversation(),
                    firing.now(), messages);
            return null;
        });
    }

    private Optional<Blocked> durable(Connection connection, FiredRule firing) throws SQLException {
        Guardrails guardrails = firing.guardrails();
        int cap = guardrails.repliesPerMinute();
        if (firing.sends() && cap > 0 && firing.event() != null) {
            int sent = ledger.repliesThisMinute(connection, firing.event().channel(), firing.event().conversation(),
                    firing.now());
            if (sent >= cap) {
                return Optional.of(new Blocked(Guardrail.REPLY_CAP,
                        sent + " messages sent into this conversation this minute; the cap is " + cap));
            }
        }
        Cooldown cooldown = guardrails.cooldown();
        if (cooldown != null) {
            String subject = CooldownSubject.of(firing, cooldown.per());
            if (!ledger.claimCooldown(connection, firing.bot(), firing.rule(), subject, firing.now(), cooldown.length())) {
                return Optional.of(new Blocked(Guardrail.COOLDOWN, "fired for " + subject + " less than "
                        + Durations.format(cooldown.length()) + " ago"));
            }
        }
        return Optional.empty();
    }
}
