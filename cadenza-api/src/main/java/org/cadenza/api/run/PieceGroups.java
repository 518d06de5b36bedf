package org.cadenza.api.run;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cadenza.corpus.catalog.CatalogFile;

/**
 * Pieces that must stay on one side of a split even across datasets: the files of one catalog piece, joined with the
 * files their labels CSV names as near-duplicates ({@link NearDuplicates}: the same movement encoded in another
 * dataset). A group is named by the smallest catalog piece id in it.
 */
final class PieceGroups {

    private PieceGroups() {
    }

    /** @return file id -&gt; group id for every file of {@code files} */
    static Map<Long, String> of(Collection<CatalogFile> files) {
        Map<String, String> parent = new HashMap<>();
        for (CatalogFile f : files) {
            parent.putIfAbsent(f.pieceId(), f.pieceId());
        }
        Map<String, List<CatalogFile>> byPathSuffix = new HashMap<>();
        NearDuplicates.Found found = NearDuplicates.find(files, Optional.empty());
        java.util.Set<String> wanted = new java.util.HashSet<>();
        found.linksOfFile().values().forEach(wanted::addAll);
        for (CatalogFile f : files) {
            String p = Path.of(f.absolutePath()).toAbsolutePath().normalize().toString().replace('\\', '/');
            for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
                String suffix = p.substring(i + 1);
                if (wanted.contains(suffix)) {
                    byPathSuffix.computeIfAbsent(suffix, k -> new java.util.ArrayList<>()).add(f);
                }
            }
        }
        Map<Long, CatalogFile> byId = new HashMap<>();
        files.forEach(f -> byId.put(f.id(), f));
        found.linksOfFile().forEach((id, links) -> {
            CatalogFile f = byId.get(id);
            for (String link : links) {
                for (CatalogFile other : byPathSuffix.getOrDefault(link, List.of())) {
                    union(parent, f.pieceId(), other.pieceId());
                }
            }
        });
        Map<Long, String> out = new LinkedHashMap<>();
        for (CatalogFile f : files) {
            out.put(f.id(), root(parent, f.pieceId()));
        }
        return out;
    }

    private static String root(Map<String, String> parent, String p) {
        String r = p;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        parent.put(p, r);
        return r;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            // the smaller id names the group
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
