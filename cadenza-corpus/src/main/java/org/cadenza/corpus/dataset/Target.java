package org.cadenza.corpus.dataset;

import org.cadenza.corpus.catalog.CatalogFile;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a classifier learns to tell apart: the composer, the style period, or one composer against the rest.
 * A target gives each catalogued file its class label, or excludes the file with a reason.
 */
public sealed interface Target permits Target.Composer, Target.Period, Target.OneVsRest {

    /** The label of the "rest" class of {@link OneVsRest}. */
    String OTHER = "other";

    /** Composer classification: the label is the file's composer id. */
    Composer COMPOSER = new Composer();

    /** Period classification with the given table. */
    static Period period(Periods periods) {
        return new Period(periods);
    }

    /**
     * Reads {@code composer}, {@code period} or {@code one-vs-rest:<composer>} (case ignored; the composer is
     * normalised with the built-in {@code ComposerNames}, so {@code one-vs-rest:Rachmaninov} means
     * {@code rachmaninoff}).
     *
     * @param periods the table {@code period} uses
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    static Target parse(String text, Periods periods) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("composer")) {
            return COMPOSER;
        }
        if (t.equals("period")) {
            return period(periods);
        }
        if (t.startsWith("one-vs-rest:")) {
            String written = text.trim().substring("one-vs-rest:".length()).trim();
            if (written.isEmpty()) {
                throw new IllegalArgumentException("target \"" + text + "\": one-vs-rest needs a composer, e.g. "
                        + "one-vs-rest:chopin");
            }
            return new OneVsRest(org.cadenza.corpus.names.ComposerNames.builtIn().toId(written));
        }
        throw new IllegalArgumentException("target \"" + text
                + "\": expected composer, period or one-vs-rest:<composer id> (e.g. one-vs-rest:chopin)");
    }

    /** {@link #parse(String, Periods)} with the built-in periods table. */
    static Target parse(String text) {
        return parse(text, Periods.builtIn());
    }

    /** The class label of {@code file}, or an exclusion with its reason. */
    Label labelOf(CatalogFile file);

    /** The label of a file by {@code composerId} whose own period label (from ingest) is {@code filePeriod}. */
    Label labelOf(String composerId, Optional<String> filePeriod);

    /** The text {@link #parse} reads back: {@code composer}, {@code period}, {@code one-vs-rest:chopin}. */
    String name();

    /**
     * Canonical text of the target and its parameters ({@code period} names the SHA-256 of its table's
     * {@link Periods#key()}): hashed into data hashes.
     */
    String key();

    /**
     * The outcome of labelling one file.
     *
     * @param label           the class label, empty when the file is excluded
     * @param exclusionReason why it is excluded, empty when labelled
     */
    record Label(Optional<String> label, Optional<String> exclusionReason) {
        public Label {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(exclusionReason, "exclusionReason");
            if (label.isPresent() == exclusionReason.isPresent()) {
                throw new IllegalArgumentException("a label has either a class or an exclusion reason");
            }
        }

        /** A labelled file. */
        public static Label of(String label) {
            return new Label(Optional.of(label), Optional.empty());
        }

        /** An excluded file. */
        public static Label excluded(String reason) {
            return new Label(Optional.empty(), Optional.of(reason));
        }

        /** Whether the file is labelled. */
        public boolean isLabelled() {
            return label.isPresent();
        }
    }

    /** The composer id is the label. */
    record Composer() implements Target {
        @Override
        public Label labelOf(CatalogFile file) {
            return labelOf(file.composerId(), file.period());
        }

        @Override
        public Label labelOf(String composerId, Optional<String> filePeriod) {
            return composerId == null || composerId.isBlank() ? Label.excluded("no composer") : Label.of(composerId);
        }

        @Override
        public String name() {
            return "composer";
        }

        @Override
        public String key() {
            return "composer";
        }
    }

    /**
     * The period is the label: from the table for composers it knows; for others the file's own period label
     * (a {@code period} column at ingest, lower-cased), when there is one; else the file is excluded.
     *
     * @param periods the composer -&gt; period table
     */
    record Period(Periods periods) implements Target {
        private static final Pattern LABEL = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

        public Period {
            Objects.requireNonNull(periods, "periods");
        }

        @Override
        public Label labelOf(CatalogFile file) {
            return labelOf(file.composerId(), file.period());
        }

        @Override
        public Label labelOf(String composerId, Optional<String> filePeriod) {
            Optional<String> p = periods.periodOf(composerId);
            if (p.isPresent()) {
                return Label.of(p.get());
            }
            Optional<String> own = filePeriod.map(s -> s.trim().toLowerCase(Locale.ROOT).replace(' ', '-'))
                    .filter(s -> LABEL.matcher(s).matches());
            return own.map(Label::of).orElseGet(() -> Label.excluded("composer '" + composerId
                    + "' has no period in the table and the file has no period label"));
        }

        @Override
        public String name() {
            return "period";
        }

        @Override
        public String key() {
            return "period{table-sha256=" + org.cadenza.corpus.ContentHash.of(
                    periods.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "}";
        }
    }

    /**
     * One composer against all others: labels {@code <composerId>} and {@link #OTHER}.
     *
     * @param composerId the composer singled out
     */
    record OneVsRest(String composerId) implements Target {
        private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

        public OneVsRest {
            if (composerId == null || !ID.matcher(composerId).matches() || composerId.equals(OTHER)) {
                throw new IllegalArgumentException("one-vs-rest needs a composer id (lower-case letters, digits, "
                        + "hyphens; not \"other\"), got \"" + composerId + "\"");
            }
        }

        @Override
        public Label labelOf(CatalogFile file) {
            return labelOf(file.composerId(), file.period());
        }

        @Override
        public Label labelOf(String id, Optional<String> filePeriod) {
            return id == null || id.isBlank() ? Label.excluded("no composer")
                    : Label.of(id.equals(composerId) ? composerId : OTHER);
        }

        @Override
        public String name() {
            return "one-vs-rest:" + composerId;
        }

        @Override
        public String key() {
            return name();
        }
    }
}
