package io.hookbot.webhook;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpVersion;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts a {@link WebhookFastPath} in front of Micronaut's request handler on every HTTP/1 connection the server
 * accepts, when {@code hookbot.webhooks.fast-path} is on. The reception is asked for at the first connection, not
 * when the server is made, so the inbox starts in its usual order.
 */
@Singleton
final class WebhookFastPathInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** The handler's name in the pipeline. */
    static final String HANDLER = "hookbot-webhooks";

    private final WebhookSettings settings;
    private final HttpServerConfiguration server;
    private final BeanProvider<WebhookReception> reception;
    private final BeanProvider<WebhookAnswers> answers;
    private final AtomicLong connections = new AtomicLong();

    WebhookFastPathInstaller(WebhookSettings settings, HttpServerConfiguration server,
                             BeanProvider<WebhookReception> reception, BeanProvider<WebhookAnswers> answers) {
        this.settings = settings;
        this.server = server;
        this.reception = reception;
        this.answers = answers;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        if (settings.fastPath() && server.getHttpVersion() == HttpVersion.HTTP_1_1) {
            registry.register(new Customizer(null));
        }
        return registry;
    }

    /** @return how many connections were given the fast path since the start (a test's proof that it applies) */
    long connections() {
        return connections.get();
    }

    /** Specialised for each accepted connection; adds the handler once its HTTP/1 pipeline is built. */
    private final class Customizer implements NettyServerCustomizer {

        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && pipeline.get(HANDLER) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER,
                        new WebhookFastPath(reception.get(), answers.get(), server.getMaxRequestSize()));
                connections.incrementAndGet();
            }
        }
    }
}
