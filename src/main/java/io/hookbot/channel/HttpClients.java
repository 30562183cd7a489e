package io.hookbot.channel;

import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** HTTP clients for senders, one per base URL and timeout, kept for the life of the application and closed with it. */
@Singleton
public class HttpClients {

    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

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
                return HttpClient.create(URI.create(baseUrl).toURL(), configuration);
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
