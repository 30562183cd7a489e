package io.hookbot;

import io.hookbot.bot.schedule.SchedulePoller;
import io.hookbot.inbox.Dispatcher;
import io.hookbot.inbox.InboxRetention;
import io.hookbot.inbox.InboxWriter;
import io.hookbot.outbox.DeliveryWorker;
import io.hookbot.outbox.OutboxRetention;
import io.hookbot.worker.Supervisor;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops hookbot in the order that loses nothing and logs no error, when the application is asked to stop (Ctrl-C,
 * SIGTERM) and before any bean is destroyed (Micronaut publishes the {@link ShutdownEvent} first): intake first (a
 * webhook arriving from then on is answered 503 with {@code Retry-After}, what is queued is written), then the
 * schedules and the turns (a turn under way finishes and hands its replies to delivery), then delivery (sends under
 * way finish, their outcomes are recorded, claimed replies go back in line), then retention. Each component's own
 * {@code @PreDestroy} does the same again if it is destroyed some other way; every step is idempotent.
 */
@Singleton
public class OrderlyShutdown implements ApplicationEventListener<ShutdownEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderlyShutdown.class);

    private final Supervisor supervisor;
    private final InboxWriter inbox;
    private final SchedulePoller schedules;
    private final Dispatcher dispatcher;
    private final DeliveryWorker delivery;
    private final InboxRetention inboxRetention;
    private final OutboxRetention outboxRetention;
    private volatile boolean started;

    public OrderlyShutdown(Supervisor supervisor, InboxWriter inbox, SchedulePoller schedules, Dispatcher dispatcher,
                           DeliveryWorker delivery, InboxRetention inboxRetention, OutboxRetention outboxRetention) {
        this.supervisor = supervisor;
        this.inbox = inbox;
        this.schedules = schedules;
        this.dispatcher = dispatcher;
        this.delivery = delivery;
        this.inboxRetention = inboxRetention;
        this.outboxRetention = outboxRetention;
    }

    /** @param event the server is up: from now on a stop has webhooks, turns and sends to finish */
    @EventListener
    public void onStarted(ServerStartupEvent event) {
        started = true;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        supervisor.stopping();
        try {
            inbox.close();
            schedules.close();
            dispatcher.close();
            delivery.close();
            inboxRetention.close();
            outboxRetention.close();
            if (started) {
                LOG.info("hookbot stopped: webhooks written, turns and sends under way finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
