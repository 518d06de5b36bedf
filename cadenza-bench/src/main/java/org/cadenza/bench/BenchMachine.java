package org.cadenza.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The machine a model benchmark ran on, and how busy it was.
 *
 * @param cpuModel       "model name" from {@code /proc/cpuinfo} ({@code os.arch} where that file is missing)
 * @param cores          {@link Runtime#availableProcessors()}
 * @param java           Java version and VM ({@code java.runtime.version}, {@code java.vm.name})
 * @param loadAverage    one-minute load average from {@code /proc/loadavg} when the benchmark started, if readable
 */
public record BenchMachine(String cpuModel, int cores, String java, OptionalDouble loadAverage) {

    /**
     * Load average (one minute) above which figures are labelled "measured under load": with 2 cores, 1.5 means
     * other processes already use most of one core.
     */
    public static final double BUSY_LOAD = 1.5;

    /** Describes this machine now. */
    public static BenchMachine current() {
        String java = "Java " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name")
                + ")";
        return new BenchMachine(cpuModelNow(), Runtime.getRuntime().availableProcessors(), java, loadAverageNow());
    }

    /** The "model name" of the first CPU in {@code /proc/cpuinfo}, or {@code os.arch} where that is not readable. */
    public static String cpuModelNow() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // not Linux: keep os.arch
        }
        return System.getProperty("os.arch");
    }

    /** The one-minute load average from {@code /proc/loadavg}, if readable. */
    public static OptionalDouble loadAverageNow() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return OptionalDouble.of(Double.parseDouble(parts[0]));
        } catch (IOException | UncheckedIOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return OptionalDouble.empty();
        }
    }

    /** @return true when the load average was above {@link #BUSY_LOAD} */
    public boolean busy() {
        return loadAverage.isPresent() && loadAverage.getAsDouble() > BUSY_LOAD;
    }

    /** Markdown bullet lines: CPU, cores, Java, load (with the "measured under load" warning when busy). */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("- CPU: ").append(cpuModel).append(", ").append(cores).append(" cores visible to the JVM\n");
        sb.append("- ").append(java).append('\n');
        loadAverage.ifPresent(l -> sb.append(String.format(Locale.ROOT, "- Load average (1 min) at the start: %.2f%s%n",
                l, busy() ? " — **measured under load** (other processes were running; rerun on an idle machine)"
                        : "")));
        return sb.toString();
    }
}
