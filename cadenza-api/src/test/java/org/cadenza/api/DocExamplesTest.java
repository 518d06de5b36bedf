package org.cadenza.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of README.md and docs/API.md compile against this build and run on default models trained from
 * real data (the examples' documentation must not drift from the code).
 */
class DocExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

    /** The java blocks of a Markdown file, from the repository root. */
    static List<String> javaBlocks(String markdown) throws Exception {
        String text = Files.readString(Path.of("..").resolve(markdown));
        List<String> out = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Compiles {@code source} into {@code dir} and returns its class name. */
    static String compile(String source, Path dir) throws Exception {
        Matcher m = CLASS_NAME.matcher(source);
        assertTrue(m.find(), "an example must be a whole public class:\n" + source);
        String name = m.group(1);
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                file.toString());
        assertEquals(0, rc, "the example " + name + " does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        return name;
    }

    /** Runs {@code main(args)} of a compiled example with {@code cadenza.home} set, and returns what it printed. */
    static String run(Path dir, String name, String... args) throws Exception {
        String before = System.getProperty("cadenza.home");
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty("cadenza.home", TrainedDefaults.home().toString());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                DocExamplesTest.class.getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(out);
            if (before == null) {
                System.clearProperty("cadenza.home");
            } else {
                System.setProperty("cadenza.home", before);
            }
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReadmeExampleCompilesAndNamesAKnownComposer(@TempDir Path dir) throws Exception {
        List<String> blocks = javaBlocks("README.md");
        assertFalse(blocks.isEmpty(), "README.md has no Java example");
        String name = compile(blocks.get(0), dir);
        assumeTrue(TrainedDefaults.pianoMidiDe().isPresent(), "CADENZA_DATA with piano-midi-de/ is not set");
        Path piece = TrainedDefaults.models().heldOutPieces().get(0).file();
        String printed = run(dir, name, piece.toString());
        String first = printed.split("\\s+")[0];
        assertTrue(TrainedDefaults.models().info(ModelKind.COMPOSER).orElseThrow().classes().contains(first),
                "the example printed " + printed);
    }

    @Test
    void everyApiExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        List<String> blocks = javaBlocks("docs/API.md");
        assertTrue(blocks.size() >= 3, "docs/API.md has " + blocks.size() + " Java examples");
        List<String> names = new ArrayList<>();
        for (String b : blocks) {
            names.add(compile(b, dir));
        }
        assumeTrue(TrainedDefaults.pianoMidiDe().isPresent(), "CADENZA_DATA with piano-midi-de/ is not set");
        String piece = TrainedDefaults.models().heldOutPieces().get(0).file().toString();
        for (String n : names) {
            String printed = run(dir, n, piece);
            assertFalse(printed.isBlank(), n + " printed nothing");
        }
    }
}
