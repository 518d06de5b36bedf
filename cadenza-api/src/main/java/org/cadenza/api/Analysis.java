package org.cadenza.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Cadenza says about one piece: who composed it, from which period, whether its composer is one Cadenza knows,
 * how sure it is, and (when asked) why. {@link #toJson()} is the one JSON form of an answer, for {@code cadenza who
 * --json}, {@code cadenza predict --json} and the web page; its schema is {@code docs/analysis.schema.json}.
 *
 * <pre>{@code
 * try (Cadenza cadenza = Cadenza.defaults()) {
 *     Analysis a = cadenza.analyze(Path.of("piece.mid"));
 *     System.out.println(a.composers().get(0).name() + " " + a.composers().get(0).probability());
 * }
 * }</pre>
 *
 * @param file        the file analysed
 * @param seconds     wall-clock time of the analysis (reading, features, every model), seconds
 * @param windows     how many windows of the piece the composer model read
 * @param composers   the most likely composers, most likely first, probabilities in [0, 1] (over all the composers
 *                    the model knows, so the listed ones may sum to less than 1)
 * @param periods     the most likely style periods, most likely first; empty without a period model
 * @param openSet     whether the composer is one Cadenza knows; empty without an open-set model
 * @param warnings    why the answer may be wrong (empty when nothing is suspicious)
 * @param explanation which windows point where and which features weighed most; present when asked for
 * @param instruments the instrument families of the piece, most probable first, from a composer model with an
 *                    instrument head ({@code cadenza instruments}); empty otherwise
 * @param models      the run folders that answered, by role ({@code composer}, {@code period}, {@code openSet})
 */
public record Analysis(Path file, double seconds, int windows, List<Ranked> composers, List<Ranked> periods,
                       Optional<OpenSet> openSet, List<Warning> warnings, Optional<Explanation> explanation,
                       List<Instrument> instruments, java.util.Map<String, String> models) {

    /** The JSON document's {@code schema} value; a change of the document's shape changes it. */
    public static final String SCHEMA = "cadenza-analysis/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    public Analysis {
        Objects.requireNonNull(file, "file");
        composers = List.copyOf(composers);
        periods = List.copyOf(periods);
        warnings = List.copyOf(warnings);
        instruments = List.copyOf(instruments);
        models = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(models));
        if (composers.isEmpty()) {
            throw new IllegalArgumentException(file + ": an analysis names at least one composer");
        }
    }

    /** @return the most likely composer */
    public Ranked composer() {
        return composers.get(0);
    }

    /** @return the most likely period, when a period model answered */
    public Optional<Ranked> period() {
        return periods.isEmpty() ? Optional.empty() : Optional.of(periods.get(0));
    }

    /** @return whether any warning was raised */
    public boolean unsure() {
        return !warnings.isEmpty();
    }

    /**
     * A class with its probability.
     *
     * @param name        composer id (as the corpora spell it, e.g. {@code chopin}) or period
     * @param probability in [0, 1]
     */
    public record Ranked(String name, double probability) {
        public Ranked {
            Objects.requireNonNull(name, "name");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability of " + name + " must be in [0, 1], got " + probability);
            }
        }
    }

    /** The open-set model's verdict. */
    public enum Verdict {
        /** Within the calibrated distance of a known composer. */
        KNOWN,
        /** Farther from every known composer than the calibrated threshold: probably a composer never seen. */
        UNKNOWN,
        /** The model has no calibrated threshold: only the distances are given. */
        NOT_CALIBRATED
    }

    /**
     * Whether the piece's composer is one Cadenza knows, from an embedding where one composer's pieces sit together.
     *
     * @param verdict          known, unknown or not calibrated
     * @param nearestComposer  the composer whose anchor is nearest
     * @param distance         the piece's distance to that anchor (unit vectors: 0 to 2)
     * @param threshold        the calibrated distance beyond which a piece is called unknown (NaN when not
     *                         calibrated)
     * @param nearestPieces    the nearest training pieces, nearest first
     */
    public record OpenSet(Verdict verdict, String nearestComposer, double distance, double threshold,
                          List<NearPiece> nearestPieces) {
        public OpenSet {
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(nearestComposer, "nearestComposer");
            nearestPieces = List.copyOf(nearestPieces);
        }
    }

    /**
     * A known piece near the analysed one.
     *
     * @param piece    the training piece's id (e.g. {@code chopin/Etudes_Opus_10}); the datasets' {@code piece_id}
     * @param composer its composer
     * @param distance distance between the two pieces' embeddings
     */
    public record NearPiece(String piece, String composer, double distance) {
    }

    /** What a warning is about. */
    public enum WarningKind {
        /** The composers' probabilities are flat: the first is below {@link Analyzer#UNSURE_TOP} or within
         *  {@link Analyzer#UNSURE_MARGIN} of the second. */
        UNSURE,
        /** The piece is farther from every composer the open-set model knows than its threshold. */
        FAR_FROM_KNOWN,
        /** The classifier and the open-set model name different composers. */
        MODELS_DISAGREE,
        /** Fewer notes than {@link Analyzer#SHORT_WINDOWS} windows: less to go on than the models were trained on. */
        SHORT
    }

    /**
     * Why the answer may be wrong.
     *
     * @param kind    what it is about
     * @param message one sentence for a person
     */
    public record Warning(WarningKind kind, String message) {
    }

    /**
     * Why the answer is what it is.
     *
     * @param timeline the composer model's answer for each window of the piece, in time order
     * @param features the features that pushed the composer model hardest towards its first composer (empty when the
     *                 model gives no per-feature account, e.g. kNN or trees)
     */
    public record Explanation(List<TimelineWindow> timeline, List<FeatureWeight> features) {
        public Explanation {
            timeline = List.copyOf(timeline);
            features = List.copyOf(features);
        }
    }

    /**
     * One window of the timeline.
     *
     * @param start       seconds from the start of the file
     * @param end         seconds
     * @param composer    the composer this window points to, and its probability
     * @param period      the period this window points to, when a period model answered
     */
    public record TimelineWindow(double start, double end, Ranked composer, Optional<Ranked> period) {
    }

    /**
     * A feature's weight in the first composer's score.
     *
     * @param feature      the symbolic feature (see docs/SYMBOLIC_FEATURES.md)
     * @param value        its value in this piece as the model sees it (standard deviations from the training mean)
     * @param contribution what it added to the composer's score (logit units): positive for, negative against
     */
    public record FeatureWeight(String feature, double value, double contribution) {
    }

    /**
     * An instrument family and whether it plays in the piece.
     *
     * @param family      the family (docs/INSTRUMENTS.md)
     * @param probability the largest of the windows' probabilities, in [0, 1]
     * @param threshold   the threshold tuned on validation pieces
     * @param present     whether {@code probability >= threshold}
     * @param windowShare the share of windows in which it plays, in [0, 1]
     */
    public record Instrument(String family, double probability, double threshold, boolean present,
                             double windowShare) {
    }

    /** @return the analysis as the JSON document of {@code docs/analysis.schema.json} */
    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJsonTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an analysis as JSON", e);
        }
    }

    /** @return the analysis as a JSON tree (the document {@link #toJson()} writes) */
    public ObjectNode toJsonTree() {
        ObjectNode n = JSON.createObjectNode();
        n.put("schema", SCHEMA);
        n.put("file", file.toString());
        n.put("seconds", seconds);
        n.put("windows", windows);
        n.set("composers", ranked(composers));
        n.set("periods", ranked(periods));
        if (openSet.isPresent()) {
            OpenSet o = openSet.get();
            ObjectNode on = n.putObject("openSet");
            on.put("verdict", o.verdict().name());
            on.put("nearestComposer", o.nearestComposer());
            on.put("distance", o.distance());
            if (Double.isFinite(o.threshold())) {
                on.put("threshold", o.threshold());
            } else {
                on.putNull("threshold");
            }
            ArrayNode pieces = on.putArray("nearestPieces");
            o.nearestPieces().forEach(p -> pieces.addObject().put("piece", p.piece()).put("composer", p.composer())
                    .put("distance", p.distance()));
        } else {
            n.putNull("openSet");
        }
        ArrayNode w = n.putArray("warnings");
        warnings.forEach(x -> w.addObject().put("kind", x.kind().name()).put("message", x.message()));
        if (explanation.isPresent()) {
            ObjectNode en = n.putObject("explanation");
            ArrayNode tl = en.putArray("timeline");
            for (TimelineWindow t : explanation.get().timeline()) {
                ObjectNode tn = tl.addObject().put("start", t.start()).put("end", t.end());
                tn.set("composer", ranked(t.composer()));
                tn.set("period", t.period().map(Analysis::ranked).orElse(null));
            }
            ArrayNode fs = en.putArray("features");
            explanation.get().features().forEach(f -> fs.addObject().put("feature", f.feature())
                    .put("value", f.value()).put("contribution", f.contribution()));
        }
        if (!instruments.isEmpty()) {
            ArrayNode in = n.putArray("instruments");
            instruments.forEach(i -> in.addObject().put("family", i.family()).put("probability", i.probability())
                    .put("threshold", i.threshold()).put("present", i.present()).put("windowShare", i.windowShare()));
        }
        ObjectNode m = n.putObject("models");
        models.forEach(m::put);
        return n;
    }

    private static ArrayNode ranked(List<Ranked> list) {
        ArrayNode a = JSON.createArrayNode();
        list.forEach(r -> a.add(ranked(r)));
        return a;
    }

    private static ObjectNode ranked(Ranked r) {
        return JSON.createObjectNode().put("name", r.name()).put("probability", r.probability());
    }

    /**
     * Reads the document {@link #toJson()} writes.
     *
     * @throws IllegalArgumentException when {@code json} is not such a document
     */
    public static Analysis fromJson(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !SCHEMA.equals(n.path("schema").asText())) {
            throw new IllegalArgumentException("not a Cadenza analysis: expected \"schema\": \"" + SCHEMA + "\"");
        }
        Optional<OpenSet> openSet = Optional.empty();
        JsonNode o = n.path("openSet");
        if (o.isObject()) {
            List<NearPiece> pieces = new ArrayList<>();
            o.path("nearestPieces").forEach(p -> pieces.add(new NearPiece(p.path("piece").asText(),
                    p.path("composer").asText(), p.path("distance").asDouble())));
            openSet = Optional.of(new OpenSet(Verdict.valueOf(o.path("verdict").asText()),
                    o.path("nearestComposer").asText(), o.path("distance").asDouble(),
                    o.path("threshold").isNumber() ? o.path("threshold").asDouble() : Double.NaN, pieces));
        }
        List<Warning> warnings = new ArrayList<>();
        n.path("warnings").forEach(w -> warnings.add(new Warning(WarningKind.valueOf(w.path("kind").asText()),
                w.path("message").asText())));
        Optional<Explanation> explanation = Optional.empty();
        JsonNode e = n.path("explanation");
        if (e.isObject()) {
            List<TimelineWindow> timeline = new ArrayList<>();
            e.path("timeline").forEach(t -> timeline.add(new TimelineWindow(t.path("start").asDouble(),
                    t.path("end").asDouble(), rankedOf(t.path("composer")),
                    t.path("period").isObject() ? Optional.of(rankedOf(t.path("period"))) : Optional.empty())));
            List<FeatureWeight> features = new ArrayList<>();
            e.path("features").forEach(f -> features.add(new FeatureWeight(f.path("feature").asText(),
                    f.path("value").asDouble(), f.path("contribution").asDouble())));
            explanation = Optional.of(new Explanation(timeline, features));
        }
        List<Instrument> instruments = new ArrayList<>();
        n.path("instruments").forEach(i -> instruments.add(new Instrument(i.path("family").asText(),
                i.path("probability").asDouble(), i.path("threshold").asDouble(), i.path("present").asBoolean(),
                i.path("windowShare").asDouble())));
        java.util.Map<String, String> models = new java.util.LinkedHashMap<>();
        n.path("models").fields().forEachRemaining(x -> models.put(x.getKey(), x.getValue().asText()));
        return new Analysis(Path.of(n.path("file").asText()), n.path("seconds").asDouble(), n.path("windows").asInt(),
                rankedList(n.path("composers")), rankedList(n.path("periods")), openSet, warnings, explanation,
                instruments, models);
    }

    private static List<Ranked> rankedList(JsonNode a) {
        List<Ranked> out = new ArrayList<>();
        a.forEach(r -> out.add(rankedOf(r)));
        return out;
    }

    private static Ranked rankedOf(JsonNode r) {
        return new Ranked(r.path("name").asText(), r.path("probability").asDouble());
    }

    /** @return the analysis for a person to read: composers, period, open-set verdict, warnings, explanation */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s  (%.2f s, %d window%s)%n", file, seconds, windows,
                windows == 1 ? "" : "s"));
        b.append("  composer\n");
        for (Ranked r : composers) {
            b.append(String.format(Locale.ROOT, "    %-18s %5.1f %%%n", r.name(), 100 * r.probability()));
        }
        if (!periods.isEmpty()) {
            b.append(String.format(Locale.ROOT, "  period    %s %.1f %%", periods.get(0).name(),
                    100 * periods.get(0).probability()));
            if (periods.size() > 1) {
                b.append(String.format(Locale.ROOT, "  (then %s %.1f %%)", periods.get(1).name(),
                        100 * periods.get(1).probability()));
            }
            b.append('\n');
        }
        openSet.ifPresent(o -> {
            b.append(String.format(Locale.ROOT, "  open set  %s: nearest composer %s at distance %.3f", o.verdict(),
                    o.nearestComposer(), o.distance()));
            if (Double.isFinite(o.threshold())) {
                b.append(String.format(Locale.ROOT, " (%s the threshold %.3f)",
                        o.distance() <= o.threshold() ? "within" : "beyond", o.threshold()));
            }
            b.append('\n');
            for (NearPiece p : o.nearestPieces()) {
                b.append(String.format(Locale.ROOT, "            near %s (%s), distance %.3f%n", p.piece(),
                        p.composer(), p.distance()));
            }
        });
        if (!instruments.isEmpty()) {
            b.append("  instruments (largest window probability; threshold tuned on validation)\n");
            for (Instrument i : instruments) {
                b.append(String.format(Locale.ROOT, "    %-3s %-14s %5.1f %%  (threshold %.1f %%, in %.0f %% of the "
                                + "windows)%n", i.present() ? "yes" : "no", i.family(), 100 * i.probability(),
                        100 * i.threshold(), 100 * i.windowShare()));
            }
        }
        for (Warning w : warnings) {
            b.append("  warning   ").append(w.message()).append('\n');
        }
        explanation.ifPresent(e -> {
            b.append("  timeline  (window: the composer and period it points to)\n");
            for (TimelineWindow t : e.timeline()) {
                b.append(String.format(Locale.ROOT, "    %6.1f-%6.1f s  %-16s %5.1f %%", t.start(), t.end(),
                        t.composer().name(), 100 * t.composer().probability()));
                t.period().ifPresent(p -> b.append(String.format(Locale.ROOT, "   %-14s %5.1f %%", p.name(),
                        100 * p.probability())));
                b.append('\n');
            }
            if (e.features().isEmpty()) {
                b.append("  features  (this composer model gives no per-feature account)\n");
            } else {
                b.append("  features  that weighed most for ").append(composer().name())
                        .append(" (value in sd from the training mean; contribution to its score)\n");
                for (FeatureWeight f : e.features()) {
                    b.append(String.format(Locale.ROOT, "    %-34s %+6.2f sd  %+7.3f%n", f.feature(), f.value(),
                            f.contribution()));
                }
            }
        });
        return b.toString();
    }
}
