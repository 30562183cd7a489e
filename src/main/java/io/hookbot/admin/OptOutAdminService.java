package io.hookbot.admin;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.db.DurableWrites;
import io.hookbot.optout.OptOut;
import io.hookbot.optout.OptOutGate;
import io.hookbot.optout.OptOutPolicies;
import io.hookbot.optout.OptOutPolicy;
import io.hookbot.optout.OptOutStore;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The opt-out registry for an operator (admin API and dashboard): the list with its search, one address added or
 * removed, the CSV export and import. Every value is checked as the registry stores it: a configured channel that
 * honours opt-outs, an address of at most 300 characters without control characters, spelt as a send to it would
 * be; an import with any wrong line stores none of them and names every wrong line and field.
 */
@Singleton
public class OptOutAdminService {

    /** The most lines one import takes. */
    static final int MAX_IMPORT = 100_000;
    /** The most wrong lines an import's refusal lists. */
    static final int MAX_ERRORS = 100;
    private static final int MAX_ADDRESS = 300;
    private static final int EXPORT_PAGE = 5_000;
    private static final List<String> EXPORT_COLUMNS = List.of("channel", "address", "scope", "source", "actor",
            "event_id", "opted_out_at");
    private static final Logger LOG = LoggerFactory.getLogger(OptOutAdminService.class);

    private final TransactionOperations<Connection> transactions;
    private final DurableWrites durability;
    private final OptOutStore store;
    private final OptOutPolicies policies;
    private final OptOutGate gate;
    private final ChannelRegistry channels;

    public OptOutAdminService(TransactionOperations<Connection> transactions, DurableWrites durability,
                              OptOutStore store, OptOutPolicies policies, OptOutGate gate, ChannelRegistry channels) {
        this.transactions = transactions;
        this.durability = durability;
        this.store = store;
        this.policies = policies;
        this.gate = gate;
        this.channels = channels;
    }

    /**
     * @param channel only the registry this channel reads (its scope), or {@code null} for every one
     * @param query   only addresses containing this, or {@code null}
     * @param limit   how many
     * @param before  only rows older than this row id (the {@code next} of the page before), or {@code null}
     * @return {@code optOuts}, newest first, and {@code next} when there may be more
     */
    public Map<String, Object> list(String channel, String query, int limit, Long before) {
        String scope = channel == null ? null : policy("channel", channel).scope();
        List<OptOut> rows = transactions.executeRead(s -> store.list(s.getConnection(), scope, query, before,
                limit + 1));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("optOuts", rows.stream().limit(limit).map(OptOutAdminService::view).toList());
        body.put("next", rows.size() > limit ? rows.get(limit - 1).id() : null);
        return body;
    }

    /**
     * @param channel the channel, whose registry is written
     * @param address the address, as a send to it names it
     * @param actor   who asks (the token's or the dashboard's name)
     * @return the new row
     */
    public Map<String, Object> add(String channel, String address, String actor) {
        OptOutPolicy policy = policy("channel", channel);
        String stored = address("address", channel, address).orElseThrow(() ->
                AdminException.invalid("address", "is required: the phone number or recipient, as a send names it"));
        Instant now = Instant.now();
        Optional<OptOut> added = durability.executeWrite(s -> {
            if (!store.add(s.getConnection(), policy.scope(), stored, channel, OptOut.Source.ADMIN, actor, null, now)) {
                return Optional.<OptOut>empty();
            }
            return store.find(s.getConnection(), policy.scope(), stored);
        });
        if (added.isEmpty()) {
            throw AdminException.conflict("the address has opted out already in scope " + policy.scope());
        }
        LOG.info("Opt-out added by {} on {} (scope {})", actor, channel, policy.scope());
        return view(added.get());
    }

    /**
     * @param id    a row's id
     * @param actor who asks
     * @return the row removed: the address gets messages again
     */
    public Map<String, Object> remove(long id, String actor) {
        Optional<OptOut> removed = durability.executeWrite(s -> {
            Optional<OptOut> row = findById(s.getConnection(), id);
            if (row.isPresent()) {
                store.remove(s.getConnection(), row.get().scope(), row.get().address());
            }
            return row;
        });
        OptOut row = removed.orElseThrow(() -> AdminException.notFound("no opt-out " + id));
        LOG.info("Opt-out {} removed by {} (scope {})", id, actor, row.scope());
        return view(row);
    }

    private Optional<OptOut> findById(Connection connection, long id) throws java.sql.SQLException {
        // the admin list's ids: read by the primary key's twin, the unique id
        try (java.sql.PreparedStatement select = connection.prepareStatement(
                "SELECT scope, address FROM opt_out WHERE id = ?")) {
            select.setLong(1, id);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                return rows.next() ? store.find(connection, rows.getString(1), rows.getString(2)) : Optional.empty();
            }
        }
    }

    /**
     * Writes the registry as CSV, a page of rows per read, newest first.
     *
     * @param channel only this channel's registry, or {@code null}
     * @param out     where to write
     * @throws IOException if the writer fails
     */
    public void export(String channel, Writer out) throws IOException {
        String scope = channel == null ? null : policy("channel", channel).scope();
        out.write(OptOutCsv.line(EXPORT_COLUMNS));
        Long before = null;
        while (true) {
            Long cursor = before;
            List<OptOut> rows = transactions.executeRead(s -> store.list(s.getConnection(), scope, null, cursor,
                    EXPORT_PAGE));
            for (OptOut row : rows) {
                out.write(OptOutCsv.line(List.of(row.channel(), row.address(), row.scope(), row.source().name(),
                        row.actor() == null ? "" : row.actor(), row.eventId() == null ? "" : row.eventId().toString(),
                        row.at().toString())));
            }
            if (rows.size() < EXPORT_PAGE) {
                return;
            }
            before = rows.get(rows.size() - 1).id();
        }
    }

    /**
     * Imports a CSV with a header naming at least {@code channel} and {@code address} (an export's other columns
     * are read past): every line is checked first, and if any is wrong none is stored.
     *
     * @param csv   the CSV
     * @param actor who asks
     * @return {@code added} and {@code alreadyOptedOut}
     * @throws ImportRefused naming every wrong line (up to {@value #MAX_ERRORS}) and field
     */
    public Map<String, Object> importCsv(String csv, String actor) {
        List<OptOutCsv.Record> records;
        try {
            records = OptOutCsv.read(csv == null ? "" : csv);
        } catch (OptOutCsv.Malformed e) {
            throw new ImportRefused(List.of(new ImportError(e.line, null, e.getMessage())), 1);
        }
        if (records.isEmpty()) {
            throw AdminException.invalid("body", "is empty: a CSV whose first line names the columns channel and "
                    + "address");
        }
        List<String> header = records.get(0).fields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        int channelColumn = header.indexOf("channel");
        int addressColumn = header.indexOf("address");
        if (channelColumn < 0 || addressColumn < 0) {
            throw new ImportRefused(List.of(new ImportError(records.get(0).line(), channelColumn < 0 ? "channel"
                    : "address", "the first line names the columns; it must have channel and address, it has "
                    + header)), 1);
        }
        if (records.size() - 1 > MAX_IMPORT) {
            throw AdminException.invalid("body", "has " + (records.size() - 1) + " lines; one import takes at most "
                    + MAX_IMPORT);
        }
        List<ImportError> errors = new ArrayList<>();
        int wrong = 0;
        List<Entry> entries = new ArrayList<>();
        for (OptOutCsv.Record record : records.subList(1, records.size())) {
            int before = errors.size();
            String channel = field(record, channelColumn).trim();
            String address = field(record, addressColumn);
            OptOutPolicy policy = null;
            try {
                policy = policy("channel", channel);
            } catch (AdminException e) {
                errors.add(new ImportError(record.line(), "channel", e.getMessage()));
            }
            Optional<String> stored = Optional.empty();
            try {
                stored = channels.find(channel).isPresent() ? address("address", channel, address) : Optional.empty();
                if (stored.isEmpty() && channels.find(channel).isPresent()) {
                    errors.add(new ImportError(record.line(), "address", "is empty"));
                }
            } catch (AdminException e) {
                errors.add(new ImportError(record.line(), "address", e.getMessage()));
            }
            if (errors.size() > before) {
                wrong++;
                if (errors.size() > MAX_ERRORS) {
                    errors = new ArrayList<>(errors.subList(0, MAX_ERRORS));
                }
            } else if (policy != null && stored.isPresent()) {
                entries.add(new Entry(policy.scope(), stored.get(), channel));
            }
        }
        if (wrong > 0) {
            throw new ImportRefused(errors, wrong);
        }
        Instant now = Instant.now();
        int[] added = new int[1];
        durability.executeWrite(s -> {
            Set<String> seen = new HashSet<>();
            for (Entry entry : entries) {
                if (seen.add(entry.scope() + '\u0000' + entry.address()) && store.add(s.getConnection(), entry.scope(),
                        entry.address(), entry.channel(), OptOut.Source.IMPORT, actor, null, now)) {
                    added[0]++;
                }
            }
            return null;
        });
        LOG.info("Opt-out import by {}: {} added, {} had opted out already", actor, added[0],
                entries.size() - added[0]);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("added", added[0]);
        body.put("alreadyOptedOut", entries.size() - added[0]);
        return body;
    }

    private static String field(OptOutCsv.Record record, int column) {
        return column < record.fields().size() ? record.fields().get(column) : "";
    }

    private record Entry(String scope, String address, String channel) {
    }

    /**
     * @param field the parameter naming the channel
     * @param name  the channel
     * @return its policy, if it honours opt-outs
     */
    private OptOutPolicy policy(String field, String name) {
        if (name == null || name.isBlank()) {
            throw AdminException.invalid(field, "is required: a configured channel that honours opt-outs");
        }
        if (channels.find(name).isEmpty()) {
            throw AdminException.invalid(field, "no channel '" + abbreviate(name) + "'; channels configured: "
                    + channels.all().stream().map(ChannelConfig::name).sorted().toList());
        }
        return policies.enabled(name).orElseThrow(() -> AdminException.invalid(field, "channel '" + name
                + "' does not honour opt-outs (hookbot.channels." + name + ".opt-out.enabled is false)"));
    }

    /**
     * @return the address as stored (spelt as a send to it is checked), or empty when blank
     */
    private Optional<String> address(String field, String channel, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c)) {
                throw AdminException.invalid(field, "has a control character at " + (i + 1));
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < raw.length()
                    && Character.isLowSurrogate(raw.charAt(i + 1)))) {
                throw AdminException.invalid(field, "has a lone surrogate at " + (i + 1));
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        String stored = gate.sendAddress(channels.find(channel).orElseThrow(), raw);
        if (stored.isBlank()) {
            throw AdminException.invalid(field, "names no one");
        }
        if (stored.length() > MAX_ADDRESS) {
            throw AdminException.invalid(field, "is " + stored.length() + " characters; at most " + MAX_ADDRESS);
        }
        return Optional.of(stored);
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }

    static Map<String, Object> view(OptOut row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", row.id());
        view.put("scope", row.scope());
        view.put("address", row.address());
        view.put("channel", row.channel());
        view.put("source", row.source().name());
        view.put("actor", row.actor());
        view.put("eventId", row.eventId());
        view.put("optedOutAt", row.at().toString());
        return view;
    }

    /**
     * @param line    the line, from 1
     * @param field   the column, or {@code null} when the line could not be read
     * @param message what is wrong
     */
    record ImportError(int line, String field, String message) {
    }

    /** An import refused, with every wrong line (up to {@value #MAX_ERRORS}); nothing was stored. */
    static final class ImportRefused extends AdminException {
        final List<ImportError> errors;
        final int wrongLines;

        ImportRefused(List<ImportError> errors, int wrongLines) {
            super(io.micronaut.http.HttpStatus.BAD_REQUEST, "invalid_csv",
                    errors.get(0).field() == null ? "body" : errors.get(0).field(),
                    wrongLines + " line(s) are wrong, nothing was imported; the first: line " + errors.get(0).line()
                            + (errors.get(0).field() == null ? "" : ", " + errors.get(0).field()) + ": "
                            + errors.get(0).message());
            this.errors = List.copyOf(errors);
            this.wrongLines = wrongLines;
        }

        @Override
        public io.micronaut.http.HttpResponse<Map<String, Object>> toResponse() {
            io.micronaut.http.HttpResponse<Map<String, Object>> response = super.toResponse();
            Map<String, Object> body = new LinkedHashMap<>(response.body());
            body.put("wrongLines", wrongLines);
            body.put("errors", errors.stream().map(e -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("line", e.line());
                if (e.field() != null) {
                    one.put("field", e.field());
                }
                one.put("message", e.message());
                return one;
            }).toList());
            return io.micronaut.http.HttpResponse.<Map<String, Object>>status(response.getStatus()).body(body);
        }
    }
}
