package org.cadenza.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ModelKindTest {

    @Test
    void idsAreTheFolderNamesOfInstalledModels() {
        assertEquals(List.of("composer", "period", "openset"),
                Arrays.stream(ModelKind.values()).map(ModelKind::id).toList());
        for (ModelKind k : ModelKind.values()) {
            assertEquals(k, ModelKind.parse(k.id()));
        }
    }
}
