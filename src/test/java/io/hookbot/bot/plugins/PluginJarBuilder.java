package io.hookbot.bot.plugins;

import io.hookbot.api.BotPlugin;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds plugin jars for tests: compiles Java sources against hookbot's classes with the JDK's compiler and packs
 * them with a {@code META-INF/services} file, as a plugin author's build would. The classes exist only in the jar,
 * so loading them exercises the jar's own class loader.
 */
final class PluginJarBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private String services;

    /**
     * @param className a fully qualified class name
     * @param source    its source
     * @return this
     */
    PluginJarBuilder source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /**
     * @param content the content of {@code META-INF/services/io.hookbot.api.BotPlugin}; {@code null} for none
     * @return this
     */
    PluginJarBuilder services(String content) {
        this.services = content;
        return this;
    }

    /**
     * @param jar where to write the jar
     * @return the jar
     */
    Path build(Path jar) {
        try {
            Path work = Files.createTempDirectory("plugin-src");
            List<String> args = new ArrayList<>(List.of("-d", work.resolve("classes").toString(),
                    "-classpath", hookbotClasses().toString(), "-proc:none", "--release", "17"));
            for (Map.Entry<String, String> entry : sources.entrySet()) {
                Path file = work.resolve("src").resolve(entry.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, entry.getValue());
                args.add(file.toString());
            }
            if (!sources.isEmpty()) {
                compile(args);
            }
            Files.createDirectories(jar.getParent());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                Path classes = work.resolve("classes");
                if (Files.isDirectory(classes)) {
                    try (Stream<Path> files = Files.walk(classes)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                            out.write(Files.readAllBytes(file));
                            out.closeEntry();
                        }
                    }
                }
                if (services != null) {
                    out.putNextEntry(new JarEntry(PluginJars.SERVICE_FILE));
                    out.write(services.getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(List<String> args) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, OutputStream.nullOutputStream(), errors, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("plugin source does not compile:\n" + errors);
        }
    }

    /** @return the folder or jar hookbot's API classes are loaded from */
    static Path hookbotClasses() {
        try {
            return Path.of(BotPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A plugin class that answers every message with a fixed text.
     *
     * @param className the class
     * @param id        its id
     * @param reply     the reply; may use {@code " + turn.xxx() + "} Java
     * @return its source
     */
    static String replyingPlugin(String className, String id, String reply) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + ";\n"
                + "import io.hookbot.api.*;\nimport java.util.List;\n"
                + "public class " + className.substring(dot + 1) + " implements BotPlugin {\n"
                + "  public String id() { return \"" + id + "\"; }\n"
                + "  public String description() { return \"test plugin " + id + "\"; }\n"
                + "  public List<Action> onMessage(MessageReceived message, PluginTurn turn) {\n"
                + "    return List.of(Reply.text(\"" + reply + "\"));\n  }\n}\n";
    }
}
