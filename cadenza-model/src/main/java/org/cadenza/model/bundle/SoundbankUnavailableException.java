package org.cadenza.model.bundle;

import org.cadenza.io.CadenzaException;

/**
 * A model trained on audio rendered with one soundbank, asked to render MIDI where that soundbank is missing or
 * has other content: rendering with another would give input unlike the training audio, so prediction refuses.
 * The message names the bank the model was trained with and what is found here.
 */
public class SoundbankUnavailableException extends CadenzaException {

    public SoundbankUnavailableException(String message) {
        super(message);
    }
}
