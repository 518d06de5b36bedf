package org.cadenza.model.bundle;

import java.util.Objects;

/**
 * How a model's input windows were made, as canonical keys given by the caller (the model layer does not compute
 * features). Keys in the house format {@code "name-vN;param=value;param=value"} are compared parameter by parameter.
 *
 * @param featureKey {@code FeatureParams.key()} of the log-mel features
 * @param windowSpec {@code WindowSpec.toString()}, e.g. {@code "5.0s/2.5s"}
 * @param renderKey {@code RenderSettings.key()} used to render MIDI; empty when not applicable (the input was
 *     recorded audio, not rendered), in which case it is not compared
 */
public record InputContract(String featureKey, String windowSpec, String renderKey) {

    public InputContract {
        Objects.requireNonNull(featureKey, "featureKey");
        Objects.requireNonNull(windowSpec, "windowSpec");
        renderKey = renderKey == null ? "" : renderKey;
    }
}
