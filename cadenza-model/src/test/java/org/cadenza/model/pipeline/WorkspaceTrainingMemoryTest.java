package org.cadenza.model.pipeline;

import org.cadenza.io.CadenzaException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceTrainingMemoryTest {

    @Test
    void refusesWindowsThatCannotFitAndSaysWhatToDo() {
        int window = 128 * 216; // a 5-s log-mel window: 110,592 bytes as float32
        long eightGb = 8L << 30;
        // the measured case: 72,810 training windows (two transposed copies) + 9,400 validation windows = 9.1 GB
        var e = assertThrows(CadenzaException.class,
                () -> WorkspaceTraining.checkMemory(72_810, 9_400, window, eightGb));
        assertTrue(e.getMessage().contains("9.1 GB"), e.getMessage());
        assertTrue(e.getMessage().contains("CADENZA_JAVA_OPTS=-Xmx12g"), e.getMessage());
        assertTrue(e.getMessage().contains("--balance cap:N"), e.getMessage());
        // asap-composer10 without copies: 24,270 + 9,400 windows = 3.7 GB fit in 8 GB
        assertDoesNotThrow(() -> WorkspaceTraining.checkMemory(24_270, 9_400, window, eightGb));
    }
}
