package org.cadenza.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class InterpolationTest {

    @Test
    void gervillNamesAreTheValuesItsInfoMapExpects() {
        assertEquals(List.of("point", "linear", "cubic", "lanczos", "sinc"),
                Arrays.stream(Interpolation.values()).map(Interpolation::gervillName).toList());
    }
}
