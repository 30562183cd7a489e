package io.hookbot.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yml}: the OpenAPI 3 document of every route hookbot serves, written at compile time by
 * micronaut-openapi from the controllers' annotations and javadoc ({@code openapi.properties} at the project's root)
 * and read from the jar as it is. Private like every path but webhooks and health ({@link AccessFilter}): the api
 * token reads it. Its Swagger UI page is the static {@code /swagger-ui/}, open ({@link OpenPaths}): it names no route
 * until it has fetched this document with the token it asks for.
 */
@OpenAPIDefinition(
        info = @Info(title = "hookbot", version = "1",
                description = "A webhook-driven chatbot: the platforms' webhooks, and the private admin and API paths."
                        + " Every path but the webhooks needs `Authorization: Bearer <token>`: the admin token"
                        + " (hookbot.admin.token) for any call, the read-only api token (hookbot.api.token) for GET"
                        + " and HEAD. A missing or wrong token is a 401, the api token on a call that changes"
                        + " something a 403. While hookbot.admin.token is unset, /admin/** answers 404; with no"
                        + " token configured at all, so do the other private paths."),
        tags = {
                @Tag(name = "webhooks", description = "What the platforms call: open, each channel checks its own"
                        + " secret, client key or URL token"),
                @Tag(name = "inbox", description = "The events waiting for their turn, failed and quarantined ones"),
                @Tag(name = "conversations", description = "Who wrote, and what the bot did with each message and"
                        + " why: each event, its turn's rules, its replies and their delivery attempts"),
                @Tag(name = "outbox",
                        description = "The replies: waiting, sent, dead-lettered and suppressed, with their attempts"),
                @Tag(name = "opt-outs", description = "The addresses that opted out (STOP): who, when, how; added,"
                        + " removed, exported and imported as CSV"),
                @Tag(name = "channels", description = "The channels, paused or not"),
                @Tag(name = "plugins", description = "The Java plugins in force, and those that failed to load"),
                @Tag(name = "presence", description = "Who is online, where and since when (/api)")
        })
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "hookbot.admin.token for any call; hookbot.api.token for GET and HEAD")
@Hidden
@Controller
public class ApiDocumentController {

    /** Where micronaut-openapi writes the document (openapi.properties: micronaut.openapi.filename). */
    static final String DOCUMENT = "META-INF/swagger/hookbot.yml";

    private final byte[] document;

    public ApiDocumentController() {
        try (InputStream in = ApiDocumentController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            this.document = in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the document, as the build wrote it */
    @Get(uri = "/openapi.yml", produces = "application/yaml")
    public HttpResponse<?> document() {
        if (document == null) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(AdminException.body("no_document", null,
                    "this build has no " + DOCUMENT + "; the micronaut-openapi annotation processor writes it"));
        }
        return HttpResponse.ok(document);
    }
}
