package org.cadenza.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum constant with a name for command lines, files and keys: by default the constant's name in lower case with
 * {@code -} for {@code _} ({@code SEMI_HARD} -&gt; {@code semi-hard}); a constant whose name is chosen otherwise
 * overrides {@link #cliName()}. {@link #parse} is the one lookup by that name, with a message that lists the choices.
 *
 * <pre>{@code
 * enum Mining implements CliName { BATCH_HARD, SEMI_HARD }
 * Mining m = CliName.parse(Mining.class, "semi-hard", "mining"); // SEMI_HARD
 * }</pre>
 */
public interface CliName {

    /** The constant's own name ({@link Enum#name()}). */
    String name();

    /** @return the name on the command line, e.g. {@code semi-hard}; by default the lower-cased name, '-' for '_' */
    default String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} called {@code text}.
     *
     * @param type the enum
     * @param text a {@link #cliName()} or a constant's {@link #name()}, any case, surrounding blanks ignored
     * @param what what the constants are, for the message, e.g. {@code "classical algorithm"}
     * @return the constant
     * @throws IllegalArgumentException {@code unknown <what> '<text>'; choose one of: <cli names>} when {@code text}
     *                                  is null or none of them
     */
    static <E extends Enum<E> & CliName> E parse(Class<E> type, String text, String what) {
        if (text != null) {
            String t = text.strip();
            for (E e : type.getEnumConstants()) {
                if (e.cliName().equalsIgnoreCase(t) || e.name().equalsIgnoreCase(t)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "'; choose one of: " + choices(type));
    }

    /** @return the {@link #cliName()}s of {@code type}'s constants in declaration order, comma-separated */
    static <E extends Enum<E> & CliName> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(CliName::cliName).collect(Collectors.joining(", "));
    }
}
