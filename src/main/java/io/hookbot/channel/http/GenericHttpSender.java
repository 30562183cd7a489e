package io.hookbot.channel.http;

import io.hookbot.channel.AnyChannelSender;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelKeys;
import io.hookbot.channel.HttpClients;
import io.hookbot.channel.Sender;
import jakarta.inject.Singleton;

/** The generic HTTP sender as a sender any channel may have: {@code send.http.url} asks for it. */
@Singleton
public class GenericHttpSender implements AnyChannelSender {

    private final HttpClients clients;

    public GenericHttpSender(HttpClients clients) {
        this.clients = clients;
    }

    @Override
    public ChannelKeys settingKeys() {
        return HttpSender.SETTING_KEYS;
    }

    @Override
    public boolean configured(ChannelConfig channel) {
        return HttpSender.configured(channel);
    }

    @Override
    public Sender make(ChannelConfig channel) {
        return new HttpSender(channel, clients);
    }
}
