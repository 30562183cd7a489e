package io.hookbot;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the house as its plan says (docs/architecture.md): the packages' imports form no cycle, a platform folder
 * imports no storage and no other platform, and each package's {@code package-info.java} names exactly the hookbot
 * packages it imports, in the sentence that begins "Depends on".
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final String ROOT = "io.hookbot";
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.hookbot(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("\\{@code ([a-z][a-z0-9.]*)}");

    /** package (relative to io.hookbot, "" for the root) → the other hookbot packages its classes import */
    private static Map<String, Set<String>> imports;

    @BeforeAll
    static void readImports() throws IOException {
        imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("io/hookbot"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = relative(MAIN.relativize(file.getParent()).toString().replace('/', '.'));
                Set<String> into = imports.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = relative(m.group(1));
                    if (!imported.equals(pkg)) {
                        into.add(imported);
                    }
                }
            }
        }
    }

    @Test
    void noPackageImportsOneThatImportsItBack() {
        List<String> cycles = new ArrayList<>();
        for (String start : imports.keySet()) {
            if (reaches(start, start, new TreeSet<>())) {
                cycles.add(start);
            }
        }
        assertEquals(List.of(), cycles, "packages on an import cycle");
    }

    @Test
    void aPlatformFolderKnowsNoStorageAndNoOtherPlatform() {
        imports.forEach((pkg, deps) -> {
            if (pkg.startsWith("channel.") && !pkg.equals("channel.http")) {
                Set<String> allowed = Set.of("api", "channel", "worker");
                assertTrue(allowed.containsAll(deps), pkg + " imports " + deps + "; a platform may import only " + allowed);
            }
        });
    }

    @Test
    void eachPackageInfoNamesExactlyWhatItsPackageImports() throws IOException {
        Map<String, String> wrong = new TreeMap<>();
        for (Map.Entry<String, Set<String>> entry : imports.entrySet()) {
            String pkg = entry.getKey();
            if (pkg.isEmpty()) {
                continue; // the application's root wires everything together, and says so
            }
            Path info = MAIN.resolve((ROOT + "." + pkg).replace('.', '/')).resolve("package-info.java");
            assertTrue(Files.exists(info), pkg + " has no package-info.java");
            Set<String> said = said(Files.readString(info));
            if (!said.equals(entry.getValue())) {
                wrong.put(pkg, "says " + said + ", imports " + entry.getValue());
            }
        }
        assertEquals(Map.of(), wrong, "package-info.java whose \"Depends on\" is not what the package imports");
    }

    /** The packages named in the "Depends on …" sentence, up to its end ('.' then a space, or ';'). */
    private static Set<String> said(String source) {
        String text = source.replaceAll("\\s*\\n\\s*\\*\\s?", " ");
        int at = text.lastIndexOf("Depends on");
        Set<String> named = new TreeSet<>();
        if (at < 0) {
            return named; // "depends on nothing else in hookbot"
        }
        String sentence = text.substring(at);
        Matcher end = Pattern.compile("(?<!\\{@code [a-z.]{0,40})\\.\\s|;|\\*/").matcher(sentence);
        if (end.find()) {
            sentence = sentence.substring(0, end.start());
        }
        Matcher m = CODE.matcher(sentence);
        while (m.find()) {
            if (imports.containsKey(m.group(1))) {
                named.add(m.group(1));
            }
        }
        return named;
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        for (String next : imports.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    private static String relative(String pkg) {
        return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
    }
}
