package org.cadenza.api;

import java.util.Locale;

/** The default models {@code cadenza who} uses, each a run folder under {@code $CADENZA_HOME/models}. */
public enum ModelKind {
    /** Who composed it: logistic regression on 153 symbolic features of each 30-s window of notes. */
    COMPOSER("who composed it: logistic regression on 153 symbolic features per 30-s window of notes"),
    /** From which period: the same route with the built-in composer-to-period table as labels. */
    PERIOD("from which period: the same features and model, labelled with the built-in period table"),
    /** Whether the composer is one Cadenza knows: a softmax embedding of the same features with a threshold. */
    OPENSET("known or unknown composer: a 64-d embedding of the same features (softmax objective) with "
            + "an anchor per composer and a distance threshold calibrated on validation pieces");

    private final String description;

    ModelKind(String description) {
        this.description = description;
    }

    /** @return the folder name and the name on the command line ({@code composer}, {@code period}, {@code openset}) */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return what the model answers and how, in one sentence */
    public String description() {
        return description;
    }

    /**
     * @param text {@code composer}, {@code period} or {@code openset} (any case; {@code open-set} too)
     * @throws IllegalArgumentException naming the three kinds
     */
    public static ModelKind parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (ModelKind k : values()) {
            if (k.id().equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown model '" + text + "': use composer, period or openset");
    }
}
