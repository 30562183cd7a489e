package io.hookbot.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The overview's values from the {@link Figures}' samples: the figures of the last minute and, for each, a chart of
 * the last hour, a bar a minute. A counter's minute is what it counted between the last samples at or before the
 * minute's two ends; a gauge's is its value at the minute's end.
 */
final class Overview {

    /** The chart's size in SVG units; the stylesheet scales it. */
    static final int WIDTH = 300;
    static final int HEIGHT = 48;
    /** The channel label of webhooks to a name that is no channel (404s), shown once there are some. */
    static final String UNKNOWN = "unknown";

    private Overview() {
    }

    /**
     * @param latest  the newest sample
     * @param history the samples of the last hour, oldest first
     * @param enabled whether there are meters at all
     * @return the values the figures template shows
     */
    static Map<String, Object> model(Figures.Sample latest, List<Figures.Sample> history, boolean enabled) {
        Instant now = latest.at();
        List<Figures.Sample> samples = new ArrayList<>(history);
        if (samples.isEmpty() || samples.get(samples.size() - 1).at().isBefore(now)) {
            samples.add(latest);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("enabled", enabled);
        model.put("at", Page.time(now));
        List<Map<String, Object>> figures = new ArrayList<>();
        figures.add(counter("Turns per minute", samples, now, Figures.Sample::turns, false));
        figures.add(counter("Replies sent per minute", samples, now, Figures.Sample::sent, false));
        figures.add(counter("Send attempts retried per minute", samples, now, Figures.Sample::retried, true));
        figures.add(counter("Replies dead-lettered per minute", samples, now, Figures.Sample::dead, true));
        figures.add(gauge("Inbox backlog (events waiting)", samples, now, Figures.Sample::pending,
                number(latest.pending()), false));
        figures.add(gauge("Oldest waiting event", samples, now, Figures.Sample::oldestSeconds,
                latest.pending() == 0 ? "none waiting" : Page.duration(latest.oldestSeconds()), true));
        figures.add(gauge("Dead letters in the outbox", samples, now, Figures.Sample::deadNow,
                number(latest.deadNow()), true));
        figures.add(gauge("Replies waiting to be sent", samples, now, Figures.Sample::outboxPending,
                number(latest.outboxPending()), false));
        model.put("figures", figures);
        TreeSet<String> channels = new TreeSet<>(latest.webhooks().keySet());
        List<Map<String, Object>> webhooks = new ArrayList<>();
        for (String channel : channels) {
            if (channel.equals(UNKNOWN) && latest.webhooks().getOrDefault(channel, 0.0) == 0) {
                continue;
            }
            Map<String, Object> row = counter(channel, samples, now, s -> s.webhooks().getOrDefault(channel, 0.0),
                    false);
            row.put("total", number(latest.webhooks().getOrDefault(channel, 0.0)));
            webhooks.add(row);
        }
        model.put("webhooks", webhooks);
        model.put("paused", latest.paused());
        return model;
    }

    private static Map<String, Object> counter(String label, List<Figures.Sample> samples, Instant now,
                                               ToDoubleFunction<Figures.Sample> value, boolean bad) {
        double[] minutes = new double[Figures.MINUTES];
        for (int i = 0; i < minutes.length; i++) {
            Instant end = now.minus(Duration.ofMinutes(Figures.MINUTES - 1 - i));
            Instant start = end.minus(Duration.ofMinutes(1));
            Figures.Sample to = atOrBefore(samples, end);
            Figures.Sample from = atOrBefore(samples, start);
            if (to == null) {
                continue;
            }
            double before = from == null ? value.applyAsDouble(samples.get(0)) : value.applyAsDouble(from);
            minutes[i] = Math.max(0, value.applyAsDouble(to) - before);
        }
        return figure(label, number(minutes[minutes.length - 1]), minutes, bad);
    }

    private static Map<String, Object> gauge(String label, List<Figures.Sample> samples, Instant now,
                                             ToDoubleFunction<Figures.Sample> value, String shown, boolean bad) {
        double[] minutes = new double[Figures.MINUTES];
        for (int i = 0; i < minutes.length; i++) {
            Figures.Sample at = atOrBefore(samples, now.minus(Duration.ofMinutes(Figures.MINUTES - 1 - i)));
            minutes[i] = at == null ? 0 : value.applyAsDouble(at);
        }
        return figure(label, shown, minutes, bad);
    }

    private static Map<String, Object> figure(String label, String value, double[] minutes, boolean bad) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("label", label);
        figure.put("value", value);
        figure.put("bad", bad);
        figure.put("bars", bars(minutes));
        double peak = 0;
        for (double m : minutes) {
            peak = Math.max(peak, m);
        }
        figure.put("peak", number(peak));
        return figure;
    }

    /** @return one bar a minute, oldest first, scaled to the hour's highest; each with its value for a tooltip */
    static List<Map<String, Object>> bars(double[] minutes) {
        double peak = 0;
        for (double m : minutes) {
            peak = Math.max(peak, m);
        }
        List<Map<String, Object>> bars = new ArrayList<>();
        double width = (double) WIDTH / minutes.length;
        for (int i = 0; i < minutes.length; i++) {
            double height = peak == 0 ? 0 : Math.max(minutes[i] > 0 ? 1 : 0, minutes[i] / peak * (HEIGHT - 2));
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("x", fixed(i * width));
            bar.put("y", fixed(HEIGHT - height));
            bar.put("w", fixed(Math.max(1, width - 1)));
            bar.put("h", fixed(height));
            int ago = minutes.length - 1 - i;
            bar.put("title", number(minutes[i]) + (ago == 0 ? " in the last minute" : ", " + ago + " min ago"));
            bars.add(bar);
        }
        return bars;
    }

    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static Figures.Sample atOrBefore(List<Figures.Sample> samples, Instant at) {
        Figures.Sample found = null;
        for (Figures.Sample sample : samples) {
            if (sample.at().isAfter(at)) {
                break;
            }
            found = sample;
        }
        return found;
    }
}
