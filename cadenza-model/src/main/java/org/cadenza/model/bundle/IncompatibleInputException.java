package org.cadenza.model.bundle;

import org.cadenza.io.CadenzaException;

import java.util.List;

/** Input made with other parameters than the model was trained on; the message names each differing parameter. */
public class IncompatibleInputException extends CadenzaException {

    private final transient List<String> differences;

    public IncompatibleInputException(String model, List<String> differences) {
        super("input does not match model " + model + ": " + String.join("; ", differences)
                + ". Compute the input with the model's parameters (see its model.json) or use a model trained on"
                + " these.");
        this.differences = List.copyOf(differences);
    }

    /** @return one line per differing parameter, e.g. {@code "feature n_mels: model 128, input 64"} */
    public List<String> differences() {
        return differences;
    }
}
