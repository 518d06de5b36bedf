package org.cadenza.model.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cadenza.model.ModelJson;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Which Cadenza code is running: the Maven version and, when it was built from a git checkout, the commit (and
 * whether the checkout had uncommitted changes). Read from {@code org/cadenza/model/version.properties}, which the
 * build fills in (the commit by git-commit-id-maven-plugin).
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" outside a Maven build
 * @param commit  the abbreviated commit id; empty when not built from git
 * @param dirty   whether the checkout had changes not committed
 */
public record CodeVersion(String version, Optional<String> commit, boolean dirty) {

    private static final CodeVersion CURRENT = load();

    public CodeVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commit, "commit");
    }

    /** @return the version of the code running now */
    public static CodeVersion current() {
        return CURRENT;
    }

    /** e.g. {@code 0.1.0-SNAPSHOT (f57b321, with uncommitted changes)}. */
    public String describe() {
        return version + commit.map(c -> " (" + c + (dirty ? ", with uncommitted changes)" : ")")).orElse("");
    }

    /** The JSON form in a run manifest: {@code {"version", "commit", "dirty"}}. */
    ObjectNode toJson() {
        ObjectNode o = ModelJson.mapper().createObjectNode();
        o.put("version", version);
        o.put("commit", commit.orElse(null));
        o.put("dirty", dirty);
        return o;
    }

    static CodeVersion fromJson(JsonNode o) {
        String c = o.path("commit").asText("");
        return new CodeVersion(o.path("version").asText("unknown"), c.isEmpty() ? Optional.empty() : Optional.of(c),
                o.path("dirty").asBoolean(false));
    }

    private static CodeVersion load() {
        try (InputStream in = CodeVersion.class.getResourceAsStream("/org/cadenza/model/version.properties")) {
            if (in == null) {
                return new CodeVersion("unknown", Optional.empty(), false);
            }
            Properties p = new Properties();
            p.load(in);
            return new CodeVersion(filled(p.getProperty("version")).orElse("unknown"),
                    filled(p.getProperty("commit")), "true".equals(p.getProperty("dirty")));
        } catch (IOException e) {
            return new CodeVersion("unknown", Optional.empty(), false);
        }
    }

    /** A property the build filled in; empty when missing or left as {@code ${...}} (no git at build time). */
    private static Optional<String> filled(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? Optional.empty() : Optional.of(value);
    }
}
