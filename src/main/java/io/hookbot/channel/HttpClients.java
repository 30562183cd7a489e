package io.hookbot.channel;

import io.micronaut.context.BeanContext;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.LoadBalancer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP clients for senders, one per base URL and timeout, kept for the life of the application and closed with it.
 * In the application they are made by its context, as an injected client would be, so that Micronaut's client
 * filters apply to them: its metrics filter times each send as {@code http_client_requests_seconds} (the
 * {@code uri} label is {@code UNKNOWN}: a sender's path may name the recipient, and these requests carry no
 * template). Made without a context (a unit test, a benchmark), they are plain clients that nothing times.
 */
@Singleton
public class HttpClients {

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final BeanContext context;

    /** Clients outside the application: no filters, nothing timed. */
    public HttpClients() {
        this(null);
    }

    /** @param context the application's context, which makes the clients with its client filters */
    @Inject
    public HttpClients(BeanContext context) {
        this.context = context;
    }

    /**
     * @param baseUrl a platform's base URL
     * @param timeout how long to wait for an answer
     * @return a shared client for it
     */
    public HttpClient client(String baseUrl, Duration timeout) {
        return clients.computeIfAbsent(baseUrl + " " + timeout, key -> {
            DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
            configuration.setReadTimeout(timeout);
            configuration.setConnectTimeout(timeout);
            try {
                URL url = URI.create(baseUrl).toURL();
                return context == null ? HttpClient.create(url, configuration)
                        : context.createBean(HttpClient.class, LoadBalancer.fixed(url), configuration);
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new ChannelConfigException("not a valid URL: " + baseUrl);
            }
        });
    }

    /**
     * @param value a URL setting
     * @return whether it is an absolute http(s) URL
     */
    public static boolean isHttpUrl(String value) {
        try {
            URL url = URI.create(value).toURL();
            return (url.getProtocol().equals("http") || url.getProtocol().equals("https")) && !url.getHost().isEmpty();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Closes every client. */
    @PreDestroy
    public void close() {
        clients.values().forEach(HttpClient::close);
        clients.clear();
    }
}
