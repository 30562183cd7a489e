package io.hookbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API document ({@code GET /openapi.yml}, written at compile time by micronaut-openapi): private, and naming
 * every route the running application has, no more and no fewer, each with a summary, a tag and the error answers
 * of its access. A controller method added without its {@code @Operation} and {@code @Tag} fails here with the
 * method's name (micronaut-openapi lists it from its javadoc alone, without either); so does a route the generator
 * does not see (a management endpoint it is not told of, a {@code @Hidden} one) and a documented operation whose
 * route is gone. Its Swagger UI page loads from hookbot alone.
 */
class OpenApiDocumentTest {

    private static final String ADMIN_TOKEN = "openapi-admin-token";
    private static final String API_TOKEN = "openapi-api-token";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Routes the document leaves out on purpose, each with where it is described instead. */
    static final Map<String, String> NOT_DOCUMENTED = Map.of(
            "GET /openapi.yml", "the document itself (README, \"Who may call what\")",
            "GET /prometheus", "Micronaut's Prometheus endpoint, in Prometheus' text format: docs/operations.md, \"Metrics\"",
            "GET /health", "Micronaut's health endpoint: README, \"Who may call what\"; docs/operations.md, \"Health\"",
            "GET /health/{selector}", "the same endpoint's /health/liveness and /health/readiness");

    /**
     * The dashboard's routes, left out as a whole: HTML pages and forms for a browser with a session, not an API
     * (README, "The dashboard"; io.hookbot.ui). Their controllers are {@code @Hidden}.
     */
    static final String NOT_DOCUMENTED_DASHBOARD = " /ui";

    /** A query template's part ({@code {?a,b}}) and a variable's pattern or modifier, which OpenAPI spells apart. */
    private static final Pattern QUERY_TEMPLATE = Pattern.compile("\\{[?&][^}]*}");
    private static final Pattern VARIABLE = Pattern.compile("\\{[+#./;]?([A-Za-z0-9_]+)[^}]*}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private TestApp start(boolean laterController) {
        app = TestApp.on(Database.h2())
                .with("hookbot.admin.token", ADMIN_TOKEN)
                .with("hookbot.api.token", API_TOKEN)
                .with("hookbot.delivery.enabled", false)
                .with("hookbot.dispatcher.enabled", false)
                .with(TestChannel.smsGateway("sms-main").secret("s1"))
                .with("test.later-controller", laterController)
                .start();
        return app;
    }

    @Test
    void theDocumentIsPrivateAndTheApiTokenReadsIt() {
        start(false);
        HttpResponse<String> anonymous = new AdminClient(app, null).get("/openapi.yml");
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                anonymous.headers().toString());
        assertEquals(401, new AdminClient(app, "not-" + API_TOKEN).get("/openapi.yml").statusCode());

        for (String token : List.of(API_TOKEN, ADMIN_TOKEN)) {
            HttpResponse<String> answer = new AdminClient(app, token).get("/openapi.yml");
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("application/yaml", answer.headers().firstValue("Content-Type").orElse(""));
            assertTrue(answer.body().startsWith("openapi: 3."), answer.body());
        }
        JsonNode bearer = document().at("/components/securitySchemes/bearer");
        assertEquals("http", bearer.path("type").asText(), bearer.toString());
        assertEquals("bearer", bearer.path("scheme").asText(), bearer.toString());
    }

    @Test
    void theDocumentNamesEveryRouteTheApplicationServesAndNoOther() {
        start(false);
        Map<String, String> routes = routes();
        Set<String> documented = operations(document());

        assertEquals(Map.of(), undocumented(routes, documented),
                "routes missing from /openapi.yml: give each an @Operation (summary) and a @Tag, or list it in"
                        + " NOT_DOCUMENTED with where it is described");
        assertEquals(Set.of(), unserved(routes, documented), "operations in /openapi.yml that no route serves");
        assertTrue(documented.contains("POST /webhooks/{channel}"), documented.toString());
        assertTrue(documented.contains("GET /plugins"), documented.toString());
    }

    @Test
    void aRouteAddedWithoutDocumentationIsNamed() {
        // LaterController (a test class, so the build documents nothing of it) stands for a controller method added
        // without its annotations: the comparison above must name it
        start(true);
        Map<String, String> missing = undocumented(routes(), operations(document()));
        assertEquals(Set.of("GET /later"), missing.keySet(), missing.toString());
        assertTrue(missing.get("GET /later").contains("LaterController.hello"), missing.toString());
    }

    @Test
    void everyOperationHasASummaryATagAndTheAnswersOfItsAccess() {
        start(false);
        JsonNode document = document();
        Map<String, String> routes = routes();
        Set<String> tags = new TreeSet<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        List<String> wrong = new ArrayList<>();
        forEachOperation(document, (operationName, operation) -> {
            String name = operationName + " (" + routes.getOrDefault(operationName, "no route") + ")";
            if (operation.path("summary").asText().isBlank()) {
                wrong.add(name + ": no summary");
            }
            if (operation.path("tags").isEmpty()) {
                wrong.add(name + ": no tag");
            }
            operation.path("tags").forEach(tag -> {
                if (!tags.contains(tag.asText())) {
                    wrong.add(name + ": tag " + tag.asText() + " is not one of the document's " + tags);
                }
            });
            boolean open = operationName.startsWith("POST /webhooks/");
            boolean bearer = operation.path("security").toString().contains("\"bearer\"");
            if (open == bearer) {
                wrong.add(name + (open ? ": a webhook needs no token" : ": no bearer security requirement"));
            }
            JsonNode responses = operation.path("responses");
            if (!open && !responses.has("401")) {
                wrong.add(name + ": no 401");
            }
            if (!open && !responses.has("404")) {
                wrong.add(name + ": no 404 (the admin API disabled, or no token configured)");
            }
            if (!open && !operationName.startsWith("GET ") && !responses.has("403")) {
                wrong.add(name + ": no 403 (the api token is read-only)");
            }
        });
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), unresolvedReferences(document, document), "$refs to nothing");
    }

    @Test
    void theSwaggerUiPageIsOpenAndLoadsOnlyFromHookbot() {
        start(false);
        AdminClient anyone = new AdminClient(app, null);
        HttpResponse<String> page = anyone.get("/swagger-ui/index.html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                page.headers().toString());
        assertEquals(page.body(), anyone.get("/swagger-ui/").body(), "the folder serves its index.html");

        Matcher reference = Pattern.compile("(?:src|href)=\"([^\"]*)\"|'(/openapi\\.yml)'").matcher(page.body());
        Set<String> loaded = new TreeSet<>();
        while (reference.find()) {
            loaded.add(reference.group(1) != null ? reference.group(1) : reference.group(2));
        }
        assertTrue(loaded.containsAll(Set.of("/swagger-ui/res/swagger-ui-bundle.js", "/swagger-ui/res/swagger-ui.css",
                "/openapi.yml")), loaded.toString());
        assertFalse(page.body().matches("(?s).*(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}.*"),
                "the page names no other host: " + page.body());
        for (String path : loaded) {
            assertTrue(path.startsWith("/"), path + " is not one of hookbot's paths");
            HttpResponse<String> file = path.equals("/openapi.yml") ? new AdminClient(app, API_TOKEN).get(path)
                    : anyone.get(path);
            assertEquals(200, file.statusCode(), path);
        }
        assertTrue(anyone.get("/swagger-ui/res/swagger-ui-bundle.js").body().contains("SwaggerUIBundle"));
    }

    /**
     * @param routes     every route, as "METHOD /path" to the controller method that serves it
     * @param documented every operation of the document, as "METHOD /path"
     * @return the routes the document lacks (those of {@link #NOT_DOCUMENTED} aside), each with its method
     */
    static Map<String, String> undocumented(Map<String, String> routes, Set<String> documented) {
        Map<String, String> missing = new TreeMap<>(routes);
        missing.keySet().removeAll(documented);
        missing.keySet().removeAll(NOT_DOCUMENTED.keySet());
        missing.keySet().removeIf(route -> route.endsWith(NOT_DOCUMENTED_DASHBOARD)
                || route.contains(NOT_DOCUMENTED_DASHBOARD + "/"));
        return missing;
    }

    static Set<String> unserved(Map<String, String> routes, Set<String> documented) {
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(routes.keySet());
        return stale;
    }

    /**
     * @return every route of the running application, as "METHOD /path" to the method that serves it; but the HEAD
     *         route Micronaut adds beside each GET one, to the same method (a {@code @Head} of its own stays)
     */
    private Map<String, String> routes() {
        Map<String, String> routes = new TreeMap<>();
        app.context().getBean(Router.class).uriRoutes().forEach(route -> routes.put(
                route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + path(route),
                route.getTargetMethod().getDeclaringType().getName() + "." + route.getTargetMethod().getMethodName()));
        routes.entrySet().removeIf(route -> route.getKey().startsWith("HEAD ")
                && route.getValue().equals(routes.get("GET " + route.getKey().substring("HEAD ".length()))));
        return routes;
    }

    private static String path(UriRouteInfo<?, ?> route) {
        String template = QUERY_TEMPLATE.matcher(route.getUriMatchTemplate().getTemplateString()).replaceAll("");
        template = VARIABLE.matcher(template).replaceAll("{$1}");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1)
                : template;
    }

    private JsonNode document() {
        HttpResponse<String> answer = new AdminClient(app, API_TOKEN).get("/openapi.yml");
        assertEquals(200, answer.statusCode(), answer.body());
        try {
            return YAML.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        forEachOperation(document, (name, operation) -> operations.add(name));
        return operations;
    }

    private static void forEachOperation(JsonNode document, BiConsumer<String, JsonNode> action) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(method -> {
                if (METHODS.contains(method.getKey())) {
                    action.accept(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue());
                }
            });
        }
    }

    private static List<String> unresolvedReferences(JsonNode node, JsonNode document) {
        List<String> unresolved = new ArrayList<>();
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            boolean resolves = ref != null && ref.asText().startsWith("#/")
                    && !document.at(ref.asText().substring(1)).isMissingNode();
            if (ref != null && !resolves) {
                unresolved.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> unresolved.addAll(unresolvedReferences(child, document)));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> unresolved.addAll(unresolvedReferences(child, document)));
        }
        return unresolved;
    }
}
