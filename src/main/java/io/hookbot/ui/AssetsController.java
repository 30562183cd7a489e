package io.hookbot.ui;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /ui/assets/<file>}: the dashboard's stylesheet and script, hookbot's own files in the jar
 * ({@code src/main/resources/ui/assets/}); nothing is loaded from anywhere else. Open to anyone, like the sign-in
 * page that needs them ({@code io.hookbot.admin.OpenPaths}). Only the files named here are served.
 */
@Hidden
@Controller("/ui/assets")
public class AssetsController {

    private static final Map<String, String> FILES = Map.of(
            "hookbot.css", "text/css; charset=utf-8",
            "hookbot.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> contents;

    public AssetsController() {
        this.contents = Map.of("hookbot.css", read("hookbot.css"), "hookbot.js", read("hookbot.js"));
    }

    /**
     * @param name a file name
     * @return the file, or 404
     */
    @Get("/{name}")
    public HttpResponse<byte[]> file(@PathVariable String name) {
        byte[] content = contents.get(name);
        if (content == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(content).contentType(MediaType.of(FILES.get(name)))
                .header(HttpHeaders.CACHE_CONTROL, "max-age=300");
    }

    private static byte[] read(String name) {
        try (InputStream in = AssetsController.class.getResourceAsStream("/ui/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
