package io.hookbot.bot.plugins;

import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /plugins}: the plugins in force, those that failed to load and why, how many calls of each were cut
 * off, and which run on plugin threads since they overran on a turn's thread. It shows ids, descriptions, jar
 * paths and counts, no settings. Private like every path but webhooks and the health status: the admin or the api
 * token reads it ({@code io.hookbot.admin.AccessFilter}). Not marked sensitive: without micronaut-security, Micronaut
 * would refuse a sensitive endpoint to everyone, token or not.
 */
@Endpoint(id = "plugins", defaultSensitive = false)
public class PluginsEndpoint {

    private final PluginRegistry registry;
    private final PluginFailures failures;
    private final PluginRunner runner;

    public PluginsEndpoint(PluginRegistry registry, PluginFailures failures, PluginRunner runner) {
        this.registry = registry;
        this.failures = failures;
        this.runner = runner;
    }

    /** @return loaded plugins, load failures, cut-off counts and quarantined plugins */
    @Read
    public Map<String, Object> plugins() {
        Map<String, Object> loaded = new LinkedHashMap<>();
        registry.plugins().forEach(p -> loaded.put(p.id(), Map.of("description", p.plugin().description(),
                "source", p.source())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loaded", loaded);
        body.put("notLoaded", registry.failures().stream().map(LoadFailure::toString).toList());
        body.put("cutOff", failures.all());
        body.put("quarantined", runner.quarantined());
        return body;
    }
}
