package org.cadenza.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Option values read with the library's own parsers: a value a parser refuses is a usage error naming the option. */
final class OptionValues {
    private OptionValues() {
    }

    /**
     * @param command the command (or mixin) the option belongs to
     * @param option  the option's name, e.g. {@code --fps}
     * @param parser  reads the value; throws {@link IllegalArgumentException} with what is wrong
     * @return what {@code parser} read
     * @throws ParameterException (exit code 2) saying "{@code option}: " and the parser's message
     */
    static <T> T parse(CommandSpec command, String option, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), option + ": " + e.getMessage());
        }
    }

    /**
     * {@link #choice(CommandSpec, String, String, Map)} over the constants of an enum, named in lower case.
     */
    static <E extends Enum<E>> E choice(CommandSpec command, String option, String value, Class<E> type) {
        Map<String, E> choices = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            choices.put(e.name().toLowerCase(Locale.ROOT), e);
        }
        return choice(command, option, value, choices);
    }

    /**
     * @param choices the values the option takes, by name (lower case, in the order the message lists them)
     * @return the choice {@code value} names, whatever its case
     * @throws ParameterException (exit code 2) saying what the option takes, when {@code value} is none of them
     */
    static <T> T choice(CommandSpec command, String option, String value, Map<String, T> choices) {
        T chosen = choices.get(value.trim().toLowerCase(Locale.ROOT));
        if (chosen == null) {
            throw new ParameterException(command.commandLine(), option + ": expected one of "
                    + String.join(", ", choices.keySet()) + ", got " + value);
        }
        return chosen;
    }
}
