package org.cadenza.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The same option name means the same thing, with the same default, in every command (benchmarks apart). */
class OptionsMeanOneThingTest {

    private static void collect(CommandLine cl, String path, List<Map.Entry<String, CommandSpec>> out) {
        out.add(Map.entry(path, cl.getCommandSpec()));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && !(path + " " + name).startsWith("cadenza bench")) {
                collect(sub, path + " " + name, out);
            }
        });
    }

    @Test
    void sharedOptionsHaveOneDescriptionAndOneDefault() {
        List<Map.Entry<String, CommandSpec>> commands = new ArrayList<>();
        collect(CadenzaCommand.commandLine(), "cadenza", commands);
        for (String name : List.of("--threads", "--torch-threads", "--json", "--models", "--seed")) {
            Map<String, String> seen = new TreeMap<>();
            for (Map.Entry<String, CommandSpec> c : commands) {
                OptionSpec o = c.getValue().findOption(name);
                if (o != null) {
                    seen.put(c.getKey(), String.join(" ", o.description()) + " | default " + o.defaultValue());
                }
            }
            assertTrue(seen.size() >= 2, name + " is shared by fewer than two commands: " + seen.keySet());
            assertEquals(1, seen.values().stream().distinct().count(), name + " means different things: " + seen);
        }
    }

    @Test
    void theTrainingBenchmarksWindowIsTheWindowTrainingCuts() {
        CommandSpec bench = CadenzaCommand.commandLine().getSubcommands().get("bench").getSubcommands().get("train")
                .getCommandSpec();
        assertEquals(Integer.toString(org.cadenza.bench.TrainThroughputBenchmark.FIVE_SECONDS),
                bench.findOption("--frames").defaultValue());
    }

    @Test
    void noCommandClassIsOver150LinesOfCodeWithoutItsHelp() throws Exception {
        // the thin-shell rule (issue 16): every command a thin shell over one public method, options in mixins
        List<String> long_ = new ArrayList<>();
        java.nio.file.Path dir = java.nio.file.Path.of("src/main/java/org/cadenza/cli");
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith("Command.java")).toList()) {
                long lines = java.nio.file.Files.readAllLines(f).size();
                if (lines > 150) {
                    long_.add(f.getFileName() + " " + lines);
                }
            }
        }
        assertEquals(List.of(), long_, "command classes over 150 lines: " + long_);
    }

    @Test
    void everyHelpFormatsWithoutPicocliWarnings() {
        List<Map.Entry<String, CommandSpec>> commands = new ArrayList<>();
        CommandLine root = CadenzaCommand.commandLine();
        commands.add(Map.entry("cadenza", root.getCommandSpec()));
        collectAll(root, "cadenza", commands);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (Map.Entry<String, CommandSpec> c : commands) {
                String help = c.getValue().commandLine().getUsageMessage();
                assertTrue(!help.isBlank(), c.getKey() + " has no help");
            }
        } finally {
            System.setErr(err);
        }
        String warnings = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(!warnings.contains("picocli WARN"), warnings);
    }

    private static void collectAll(CommandLine cl, String path, List<Map.Entry<String, CommandSpec>> out) {
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                out.add(Map.entry(path + " " + name, sub.getCommandSpec()));
                collectAll(sub, path + " " + name, out);
            }
        });
    }

    @Test
    void everyCommandsSummaryIsAWholeSentence() {
        List<Map.Entry<String, CommandSpec>> commands = new ArrayList<>();
        collectAll(CadenzaCommand.commandLine(), "cadenza", commands);
        List<String> cut = new ArrayList<>();
        for (Map.Entry<String, CommandSpec> c : commands) {
            String[] header = c.getValue().usageMessage().header();
            String summary = header.length > 0 ? header[0] : c.getValue().usageMessage().description()[0];
            if (!summary.endsWith(".") && !summary.endsWith("?")) {
                cut.add(c.getKey() + ": " + summary);
            }
        }
        assertEquals(List.of(), cut, "summaries cut in the command lists");
    }
}
