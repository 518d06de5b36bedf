package org.cadenza.io.score.musicxml;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.audiveris.proxymusic.ScorePart;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.ScoreTimewise;

/**
 * One part of a score as a list of measures, whichever way the file is written: partwise (each part holds its
 * measures) or timewise (each measure holds its parts). Measures are matched across parts by their index.
 *
 * @param scorePart the part's {@code <score-part>} in the part list; null when the part's id names none
 * @param id        the part's id for messages ({@code P1}), or {@code #2} (its index, 1-based) when it has none
 * @param measures  the part's measures in file order
 */
record PartSource(ScorePart scorePart, String id, List<Measure> measures) {

    /**
     * One measure of one part.
     *
     * @param number the measure's number attribute as written ("12", "X1"), or its index (1-based) when absent
     * @param music  its music data in file order: notes, backups, forwards, attributes, directions, sounds...
     */
    record Measure(String number, List<Object> music) {
    }

    static List<PartSource> of(ScorePartwise score) {
        List<PartSource> parts = new ArrayList<>();
        for (ScorePartwise.Part p : score.getPart()) {
            ScorePart sp = p.getId() instanceof ScorePart s ? s : null;
            List<Measure> measures = new ArrayList<>(p.getMeasure().size());
            for (ScorePartwise.Part.Measure m : p.getMeasure()) {
                measures.add(new Measure(numberOf(m.getNumber(), measures.size()), m.getNoteOrBackupOrForward()));
            }
            parts.add(new PartSource(sp, idOf(sp, parts.size()), measures));
        }
        return parts;
    }

    static List<PartSource> of(ScoreTimewise score) {
        Map<Object, PartSource> byPart = new IdentityHashMap<>();
        List<PartSource> parts = new ArrayList<>();
        List<ScoreTimewise.Measure> measures = score.getMeasure();
        for (int i = 0; i < measures.size(); i++) {
            ScoreTimewise.Measure m = measures.get(i);
            String number = numberOf(m.getNumber(), i);
            for (ScoreTimewise.Measure.Part p : m.getPart()) {
                Object key = p.getId() != null ? p.getId() : "#" + m.getPart().indexOf(p);
                PartSource part = byPart.get(key);
                if (part == null) {
                    ScorePart sp = p.getId() instanceof ScorePart s ? s : null;
                    part = new PartSource(sp, idOf(sp, parts.size()), new ArrayList<>());
                    byPart.put(key, part);
                    parts.add(part);
                }
                while (part.measures.size() < i) {
                    part.measures.add(new Measure(numberOf(measures.get(part.measures.size()).getNumber(),
                            part.measures.size()), List.of()));
                }
                part.measures.add(new Measure(number, p.getNoteOrBackupOrForward()));
            }
        }
        return parts;
    }

    private static String numberOf(String number, int index) {
        return number == null || number.isBlank() ? String.valueOf(index + 1) : number.strip();
    }

    private static String idOf(ScorePart sp, int index) {
        return sp != null && sp.getId() != null ? sp.getId() : "#" + (index + 1);
    }

    /** {@code part P1, measure 12} for messages. */
    String where(int measureIndex) {
        return "part " + id + ", measure " + measures.get(measureIndex).number();
    }
}
