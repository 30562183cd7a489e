package io.hookbot.bot.plugins;

import io.hookbot.api.PresenceFilter;
import io.hookbot.api.PresenceView;
import io.hookbot.api.UserPresence;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The presence view one plugin call is given. Every query runs on the turn's thread, where the server's view joins
 * the turn's transaction: directly when the plugin runs on that thread, through the {@link PluginThreadCall} when it
 * runs on a plugin thread. Once the call is over the view answers nothing more.
 */
final class PluginPresenceView implements PresenceView {

    private final PresenceView view;
    private final Thread turnThread;
    private volatile PluginThreadCall handedOff;
    private volatile boolean over;

    /**
     * @param view       the server's view, which reads in the transaction of the thread it is called on
     * @param turnThread the thread that holds the turn's transaction
     */
    PluginPresenceView(PresenceView view, Thread turnThread) {
        this.view = view;
        this.turnThread = turnThread;
    }

    /** @param call the call now running on a plugin thread, which carries the queries to the turn's thread */
    void handedOffTo(PluginThreadCall call) {
        this.handedOff = call;
    }

    /** The call is over: queries fail from now on. */
    void end() {
        over = true;
    }

    @Override
    public Optional<UserPresence> find(String channel, String user) {
        return ask(() -> view.find(channel, user));
    }

    @Override
    public List<UserPresence> list(PresenceFilter filter) {
        return ask(() -> view.list(filter));
    }

    private <T> T ask(Supplier<T> query) {
        if (over) {
            throw new IllegalStateException("presence asked after the plugin call ended; ask it while the callback runs");
        }
        if (Thread.currentThread() == turnThread) {
            return query.get();
        }
        PluginThreadCall call = handedOff;
        if (call == null) {
            throw new IllegalStateException("presence asked from a thread of the plugin's own; ask it from the "
                    + "thread hookbot called the plugin on");
        }
        return call.ask(query);
    }
}
