package org.cadenza.model.multitask;

import java.util.List;
import java.util.Objects;

import org.cadenza.model.ForwardingWindows;
import org.cadenza.model.LabeledWindows;

/**
 * Windows with their composer and their multi-hot targets, held in memory.
 *
 * @param windows    the windows and composer classes
 * @param labelNames the multi-label names
 * @param targets    one multi-hot row per window
 */
public record InMemoryMultiLabelWindows(LabeledWindows windows, List<String> labelNames, List<float[]> targets)
        implements MultiLabelWindows, ForwardingWindows {

    public InMemoryMultiLabelWindows {
        Objects.requireNonNull(windows, "windows");
        labelNames = List.copyOf(labelNames);
        targets = List.copyOf(targets);
        if (labelNames.isEmpty()) {
            throw new IllegalArgumentException("no labels");
        }
        if (targets.size() != windows.size()) {
            throw new IllegalArgumentException(windows.size() + " windows but " + targets.size() + " target rows");
        }
        for (int i = 0; i < targets.size(); i++) {
            float[] t = targets.get(i);
            if (t.length != labelNames.size()) {
                throw new IllegalArgumentException("target row " + i + " has " + t.length + " values, expected "
                        + labelNames.size());
            }
            for (float v : t) {
                if (v != 0f && v != 1f) {
                    throw new IllegalArgumentException("target row " + i + " holds " + v + "; targets are 0 or 1");
                }
            }
        }
    }

    @Override
    public float[] targets(int i) {
        return targets.get(i);
    }
}
