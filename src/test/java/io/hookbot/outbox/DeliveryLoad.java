package io.hookbot.outbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A load program, not a test: how many replies per second delivery sends to a fake gateway that answers every call
 * in 50 ms, with per-recipient order checked at the end. Replies are written first with delivery off, then the app
 * restarts with delivery on and the clock runs until every row is SENT.
 *
 * <pre>
 * mvn -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.hookbot.outbox.DeliveryLoad -Dexec.args="h2 20000 2000 256"
 * </pre>
 * Arguments: database ({@code h2} or {@code postgres}), replies, recipients, {@code hookbot.delivery.concurrency},
 * the gateway's answer time in ms (50), and {@code live} to write the replies one transaction each through
 * {@link OutboxWriter} while delivery runs (as turns do) instead of before it starts.
 */
public final class DeliveryLoad {

    private DeliveryLoad() {
    }

    /**
     * @param args database, replies, recipients, concurrency
     * @throws Exception if the run fails
     */
    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int replies = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int recipients = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 256;
        int answerMs = args.length > 4 ? Integer.parseInt(args[4]) : 50;
        boolean live = args.length > 5 && args[5].equals("live");
        try (FakeGateway gateway = new FakeGateway(concurrency + 16);
             TestApp app = TestApp.on(db.equals("postgres") ? Database.postgres() : Database.h2())) {
            gateway.otherwise(new FakeGateway.Answer(200, "{\"status\":200,\"data\":{}}", Map.of(), answerMs));
            app.with("hookbot.delivery.enabled", !live)
                    .with("hookbot.delivery.concurrency", concurrency)
                    .with("datasources.default.maximum-pool-size", 8)
                    .with(TestChannel.smsGateway("load").secret("s").sendUrl(gateway.url()).sendApiKey("k"));
            List<NewReply> all = new ArrayList<>();
            for (int i = 0; i < replies; i++) {
                String phone = "+" + (i % recipients);
                all.add(new NewReply(i + 1, 0, "load", "sms:dev:1:" + phone,
                        Map.of("medium", "sms", "phone", phone, "device", "dev"), Integer.toString(i / recipients),
                        List.of()));
            }
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore;
            long started;
            if (live) {
                // delivery runs while "turns" write their replies one transaction each, as the dispatcher does
                app.with("hookbot.delivery.enabled", true).start();
                cpuBefore = os.getProcessCpuTime();
                started = System.nanoTime();
                writeLive(app, all, recipients);
            } else {
                app.with("hookbot.delivery.enabled", false).start();
                for (int from = 0; from < all.size(); from += 5_000) {
                    Outbox.write(app, all.subList(from, Math.min(all.size(), from + 5_000)));
                }
                app.stop();
                app.with("hookbot.delivery.enabled", true);
                cpuBefore = os.getProcessCpuTime();
                started = System.nanoTime();
                app.start();
            }
            long sent = 0;
            long deadline = started + 600_000_000_000L;
            // watch the gateway (cheap) until every reply has reached it, then the database
            while (gateway.calls().size() < replies && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            while (sent < replies && System.nanoTime() < deadline) {
                sent = app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'");
                Thread.sleep(sent < replies ? 20 : 0);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;

            List<FakeGateway.Call> calls = gateway.calls();
            double sending = (calls.get(calls.size() - 1).atNanos() - calls.get(0).atNanos()) / 1e9;
            Map<String, Integer> last = new HashMap<>();
            int outOfOrder = 0;
            for (FakeGateway.Call call : gateway.calls()) {
                int index = Integer.parseInt(call.form().get("message"));
                Integer previous = last.put(call.form().get("phone"), index);
                if (previous != null && previous + 1 != index) {
                    outOfOrder++;
                }
            }
            System.out.printf("%s: %d replies to %d recipients, concurrency %d: %d sent, %d gateway calls;"
                            + " %.2f s from start to all SENT (%.0f replies/s), %.2f s from first to last call"
                            + " (%.0f calls/s); most concurrent calls %d; out of order %d;"
                            + " CPU used %.1f s (%.2f ms per reply, gateway included); load average %.1f%n",
                    db, replies, recipients, concurrency, sent, calls.size(), seconds, sent / seconds, sending,
                    calls.size() / sending, gateway.mostConcurrentCalls(), outOfOrder, cpuSeconds,
                    cpuSeconds * 1000 / sent, os.getSystemLoadAverage());
        }
    }

    /**
     * Writes each reply in a transaction of its own through {@link OutboxWriter}, from four threads, each owning a
     * quarter of the recipients: one conversation's turns never run at once, so neither do its replies' writes.
     */
    private static void writeLive(TestApp app, List<NewReply> all, int recipients) throws InterruptedException {
        io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions =
                app.context().getBean(io.micronaut.transaction.TransactionOperations.class);
        OutboxWriter writer = app.context().getBean(OutboxWriter.class);
        int writers = 4;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            int own = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < all.size(); i++) {
                    if ((i % recipients) % writers != own) {
                        continue;
                    }
                    NewReply reply = all.get(i);
                    transactions.executeWrite(status -> {
                        writer.writeAndHandOff(status, List.of(reply));
                        return null;
                    });
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
