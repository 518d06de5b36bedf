package org.cadenza.io.score.musicxml;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.cadenza.io.BadInputException;
import org.cadenza.io.archive.SafeZip;

/**
 * The score inside a compressed MusicXML file ({@code .mxl}): a zip whose {@code META-INF/container.xml} names it
 * in the {@code full-path} of its first {@code <rootfile>}; without a container (or a rootfile), the first member at
 * the top of the archive whose name ends in {@code .musicxml} or {@code .xml}. Read in memory through
 * {@link SafeZip#read}, with the limits of {@link #limits(long)}.
 */
final class MxlContainer {

    static final String CONTAINER = "META-INF/container.xml";

    private MxlContainer() {
    }

    /**
     * The archive limits for an {@code .mxl}: 1,000 entries, the score and the container each at most
     * {@code maxBytes} inflated (both together {@code 2 * maxBytes}), compression ratio 200 (SafeZip's default).
     */
    static SafeZip.Limits limits(long maxBytes) {
        return new SafeZip.Limits(1000, maxBytes, 2 * maxBytes, SafeZip.Limits.DEFAULTS.maxCompressionRatio());
    }

    /** The bytes of the score member of {@code mxl}. */
    static byte[] score(Path mxl, SafeZip.Limits limits) {
        List<String> names = SafeZip.names(mxl, limits);
        String root = null;
        if (names.contains(CONTAINER)) {
            root = rootFile(SafeZip.read(mxl, CONTAINER, limits), mxl);
            if (root != null && !names.contains(root)) {
                throw new BadInputException(mxl, CONTAINER + " names the score '" + root
                        + "', which is not in the archive");
            }
        }
        if (root == null) {
            root = names.stream().filter(n -> !n.contains("/") && isXmlName(n)).findFirst()
                    .orElseThrow(() -> new BadInputException(mxl, "not compressed MusicXML: no " + CONTAINER
                            + " naming the score and no .musicxml or .xml file at the top of the archive"));
        }
        return SafeZip.read(mxl, root, limits);
    }

    private static boolean isXmlName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".musicxml") || lower.endsWith(".xml");
    }

    /** The {@code full-path} of the first {@code <rootfile>}, or null when there is none. */
    private static String rootFile(byte[] container, Path mxl) {
        Path where = Path.of(mxl + "!" + CONTAINER);
        XMLStreamReader r = MusicXmlDocument.openAtRoot(container, where);
        try {
            while (true) {
                if (r.getEventType() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("rootfile")) {
                    String path = r.getAttributeValue(null, "full-path");
                    return path == null || path.isBlank() ? null : path.strip();
                }
                if (!r.hasNext()) {
                    return null;
                }
                r.next();
            }
        } catch (XMLStreamException e) {
            throw MusicXmlDocument.malformed(where, e);
        }
    }
}
