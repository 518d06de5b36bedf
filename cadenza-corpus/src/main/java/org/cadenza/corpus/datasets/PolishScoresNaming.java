package org.cadenza.corpus.datasets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polish Music Heritage in Open Access (humdrum-polish-scores): {@code <siglum>/kern/<name>.krn}, the name
 * {@code <siglum>--<shelfmark>--<work>-<movement>_<composer>--<title>.krn}. A score goes to
 * {@code <composer>/<name>.krn}; its piece is {@code <composer>/<siglum>--<shelfmark>--<work>-<movement>} without
 * the version suffixes {@code -pc0}/{@code -pc1} (ante/post correcturam), {@code -acN} and {@code -dublet}, so that
 * versions of one piece share it; its work is {@code <composer>/<siglum>--<shelfmark>--<work>}, all movements of
 * one work in one source. The path names no composer: a score without {@code !!!COM} is anonymous.
 */
final class PolishScoresNaming implements ScoreNaming {

    private static final Pattern VERSION = Pattern.compile("(?:^|-)(?:pc\\d+|ac\\d+|dublet)$");
    private static final Pattern WORK = Pattern.compile("^[^-]+");

    @Override
    public boolean accepts(String relativePath) {
        String[] s = relativePath.split("/");
        return s.length == 3 && s[1].equals("kern") && s[2].endsWith(".krn");
    }

    @Override
    public Optional<String> composerFromPath(String relativePath) {
        return Optional.empty();
    }

    @Override
    public Placement place(String relativePath, String composer) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        String stem = name.substring(0, name.length() - ".krn".length());
        int underscore = stem.indexOf('_');
        String[] parts = (underscore < 0 ? stem : stem.substring(0, underscore)).split("--", 3);
        String title = underscore < 0 ? stem : stem.substring(underscore + 1);
        if (parts.length < 2) {
            return new Placement(composer + "/" + name, composer + "/" + stem, composer + "/" + stem, title);
        }
        String source = parts[0] + "--" + parts[1];
        String number = parts.length == 3 ? withoutVersion(parts[2]) : "";
        Matcher work = WORK.matcher(number);
        return new Placement(composer + "/" + name,
                composer + "/" + source + (number.isEmpty() ? "" : "--" + number),
                composer + "/" + source + (work.find() ? "--" + work.group() : ""), title);
    }

    /** {@code 001-002-pc0} → {@code 001-002}; {@code pc1} → empty. */
    static String withoutVersion(String number) {
        String n = number;
        for (String cut = VERSION.matcher(n).replaceFirst(""); !cut.equals(n); cut = VERSION.matcher(n).replaceFirst("")) {
            n = cut;
        }
        return n;
    }

    @Override
    public String expected() {
        return "<siglum>/kern/*.krn";
    }

    @Override
    public String composerRecord() {
        return "kern !!!COM record";
    }
}
