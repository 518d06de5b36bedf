package org.cadenza.cli;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/**
 * {@code --json}: the same option, meaning the same thing, in every command that has a result; and the one place that
 * writes a command's result as JSON.
 */
public final class JsonOption {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--json")
    boolean json;

    /** @return whether JSON was asked for */
    public boolean on() {
        return json;
    }

    /** Prints the result on stdout: {@code text} as it is, or with --json the one document {@code document} makes. */
    void print(String text, Supplier<?> document) {
        System.out.print(json ? write(document.get()) + "\n" : text);
    }

    /** {@code value} (a Jackson tree, a record, a list or a map) as one indented JSON document. */
    static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty JSON object to fill. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A new, empty JSON array to fill. */
    static com.fasterxml.jackson.databind.node.ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code value} as a JSON tree (records by their components). */
    static com.fasterxml.jackson.databind.JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
