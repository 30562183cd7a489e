package io.hookbot.bot.plugins;

import io.hookbot.api.BotPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading plugin jars: a good jar loads in its own class loader; each kind of bad jar is reported, and skipped. */
class PluginJarsTest {

    @TempDir
    Path folder;

    @Test
    void aGoodJarLoadsItsPluginInAClassLoaderOfItsOwn() {
        new PluginJarBuilder().source("demo.Hello", PluginJarBuilder.replyingPlugin("demo.Hello", "hello", "hi"))
                .services("# the plugin\ndemo.Hello\n").build(folder.resolve("hello.jar"));

        PluginJars.Result result = PluginJars.load(folder, getClass().getClassLoader());

        assertEquals(List.of(), result.failures());
        assertEquals(1, result.plugins().size());
        BotPlugin plugin = result.plugins().get(0).plugin();
        assertEquals("hello", plugin.id());
        assertNotSame(getClass().getClassLoader(), plugin.getClass().getClassLoader());
        assertTrue(BotPlugin.class.isInstance(plugin), "shares hookbot's API classes with the application");
    }

    @Test
    void eachBadJarIsReportedWithItsReasonAndTheGoodOneStillLoads() throws IOException {
        new PluginJarBuilder().source("demo.Good", PluginJarBuilder.replyingPlugin("demo.Good", "good", "ok"))
                .services("demo.Good").build(folder.resolve("1-good.jar"));
        Files.writeString(folder.resolve("2-corrupt.jar"), "this is not a zip file");
        new PluginJarBuilder().services("demo.Missing").build(folder.resolve("3-missing-class.jar"));
        new PluginJarBuilder().source("demo.Throws", """
                package demo;
                public class Throws implements io.hookbot.api.BotPlugin {
                    public Throws() { throw new IllegalStateException("no settings file"); }
                    public String id() { return "throws"; }
                }
                """).services("demo.Throws").build(folder.resolve("4-constructor-throws.jar"));
        new PluginJarBuilder().source("demo.Lonely", PluginJarBuilder.replyingPlugin("demo.Lonely", "lonely", "x"))
                .build(folder.resolve("5-no-services.jar"));

        PluginJars.Result result = PluginJars.load(folder, getClass().getClassLoader());

        assertEquals(List.of("good"), result.plugins().stream().map(f -> f.plugin().id()).toList());
        List<String> failures = result.failures().stream().map(LoadFailure::toString).toList();
        assertEquals(4, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("2-corrupt.jar: not a readable jar"), failures.get(0));
        assertTrue(failures.get(1).contains("3-missing-class.jar") && failures.get(1).contains("demo.Missing"),
                failures.get(1));
        assertTrue(failures.get(2).contains("4-constructor-throws.jar")
                && failures.get(2).contains("no settings file"), failures.get(2));
        assertTrue(failures.get(3).contains("5-no-services.jar: no plugin in it"), failures.get(3));
    }

    @Test
    void noFolderMeansNoPluginsAndNoFailures() {
        PluginJars.Result result = PluginJars.load(folder.resolve("absent"), getClass().getClassLoader());

        assertEquals(List.of(), result.plugins());
        assertEquals(List.of(), result.failures());
    }
}
