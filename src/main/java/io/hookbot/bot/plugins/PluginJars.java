package io.hookbot.bot.plugins;

import io.hookbot.api.BotPlugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the plugins in the jars of a folder with {@link ServiceLoader}, each jar in a class loader of its own whose
 * parent is the application's, so plugins share hookbot's API classes but not each other's. Every jar that cannot be
 * read, names a missing class, or whose plugin's constructor throws, is a {@link LoadFailure}; the other jars load.
 */
final class PluginJars {

    static final String SERVICE_FILE = "META-INF/services/" + BotPlugin.class.getName();
    private static final int MAX_ERRORS_PER_JAR = 100;

    /**
     * What a folder held.
     *
     * @param plugins  the plugins loaded, with the jar each came from
     * @param failures what did not load, and why
     */
    record Result(List<Found> plugins, List<LoadFailure> failures) {
    }

    /**
     * @param plugin the plugin
     * @param jar    its jar
     */
    record Found(BotPlugin plugin, Path jar) {
    }

    private PluginJars() {
    }

    /**
     * @param folder a folder; none there means no plugins
     * @param parent the class loader plugins see hookbot through
     * @return the plugins and the failures
     */
    static Result load(Path folder, ClassLoader parent) {
        List<Found> plugins = new ArrayList<>();
        List<LoadFailure> failures = new ArrayList<>();
        for (Path jar : jars(folder, failures)) {
            String problem = unreadable(jar);
            if (problem != null) {
                failures.add(new LoadFailure(jar.toString(), problem));
                continue;
            }
            int before = plugins.size();
            loadJar(jar, parent, plugins, failures);
            if (plugins.size() == before && failures.stream().noneMatch(f -> f.source().equals(jar.toString()))) {
                failures.add(new LoadFailure(jar.toString(), "no plugin in it: " + SERVICE_FILE
                        + " is missing or empty"));
            }
        }
        return new Result(plugins, failures);
    }

    private static List<Path> jars(Path folder, List<LoadFailure> failures) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            failures.add(new LoadFailure(folder.toString(), "cannot list the plugin folder: " + e));
            return List.of();
        }
    }

    private static String unreadable(Path jar) {
        try (JarFile ignored = new JarFile(jar.toFile())) {
            return null;
        } catch (IOException e) {
            return "not a readable jar: " + e.getMessage();
        }
    }

    private static void loadJar(Path jar, ClassLoader parent, List<Found> plugins, List<LoadFailure> failures) {
        JarLoader loader;
        try {
            loader = new JarLoader(jar.toUri().toURL(), parent);
        } catch (MalformedURLException e) {
            failures.add(new LoadFailure(jar.toString(), "bad path: " + e.getMessage()));
            return;
        }
        Iterator<BotPlugin> providers = ServiceLoader.load(BotPlugin.class, loader).iterator();
        // ServiceLoader goes on to the next provider after one fails; the cap guards against a provider that
        // fails forever
        for (int errors = 0; errors < MAX_ERRORS_PER_JAR; ) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                plugins.add(new Found(providers.next(), jar));
            } catch (ServiceConfigurationError | LinkageError e) {
                errors++;
                failures.add(new LoadFailure(jar.toString(), reason(e)));
            }
        }
    }

    /** The innermost cause says what went wrong: the missing class, or the constructor's exception. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = e.getMessage() == null ? e.toString() : e.getMessage();
        return root == e ? what : what + " (" + root + ")";
    }

    /**
     * A jar's class loader. Classes come from the parent first, as usual; the service file comes from this jar
     * alone, so the jar's loader never instantiates a plugin that is on the application's class path.
     */
    private static final class JarLoader extends URLClassLoader {

        JarLoader(URL jar, ClassLoader parent) {
            super(new URL[]{jar}, parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (name.equals(SERVICE_FILE)) {
                return findResources(name);
            }
            return super.getResources(name);
        }

        @Override
        public String toString() {
            return "plugin jar " + getURLs()[0];
        }
    }
}
