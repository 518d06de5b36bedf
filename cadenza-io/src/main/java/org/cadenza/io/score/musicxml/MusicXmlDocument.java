package org.cadenza.io.score.musicxml;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;

import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.ScoreTimewise;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;

/**
 * A MusicXML document parsed safely into ProxyMusic's JAXB classes ({@link ScorePartwise} or
 * {@link ScoreTimewise}), and small XML documents of the {@code .mxl} container read with the same parser.
 *
 * <p>Safety: the StAX parser reads no DTD and resolves no entity (XXE and "billion laughs" cannot happen): a
 * {@code <!DOCTYPE>}, such as the usual one naming the W3C MusicXML DTD by URL, is accepted and ignored, nothing is
 * fetched, and a reference to an entity other than the five XML ones and character references is refused as
 * malformed. JAXB unmarshals from that parser's stream, never from a file or URL of its own.
 */
final class MusicXmlDocument {

    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(MusicXmlDocument::factory);

    private MusicXmlDocument() {
    }

    /** ProxyMusic's JAXB context, made once (slow: hundreds of classes) and shared; thread-safe. */
    private static final class Context {
        static final JAXBContext INSTANCE = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(ScorePartwise.class, ScoreTimewise.class);
            } catch (JAXBException e) {
                throw new CadenzaException("cannot set up the MusicXML classes (ProxyMusic JAXB context): " + e, e);
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        trySet(f, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(f, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static void trySet(XMLInputFactory f, String property, Object value) {
        if (f.isPropertySupported(property)) {
            f.setProperty(property, value);
        }
    }

    /**
     * A safe StAX reader of {@code xml}, positioned on its root element.
     *
     * @param file names the document in messages
     * @throws BadInputException the bytes are not well-formed XML up to the root element, or hold no element
     */
    static XMLStreamReader openAtRoot(byte[] xml, Path file) {
        try {
            XMLStreamReader r = FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext() && r.getEventType() != XMLStreamConstants.START_ELEMENT) {
                r.next();
            }
            if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new BadInputException(file, "not MusicXML: an XML document without any element");
            }
            return r;
        } catch (XMLStreamException e) {
            throw malformed(file, e);
        }
    }

    /**
     * The score of a MusicXML document: a {@link ScorePartwise} or a {@link ScoreTimewise}.
     *
     * @param file names the document in messages
     * @throws BadInputException not XML ("malformed XML at line 3, column 7: ..."), or XML whose root element is
     *                           not {@code <score-partwise>} or {@code <score-timewise>} ("not MusicXML: root element
     *                           is &lt;html&gt;")
     */
    static Object parse(byte[] xml, Path file) {
        XMLStreamReader r = openAtRoot(xml, file);
        String root = r.getLocalName();
        Class<?> type = switch (root) {
            case "score-partwise" -> ScorePartwise.class;
            case "score-timewise" -> ScoreTimewise.class;
            case "opus" -> throw new BadInputException(file, "a MusicXML opus (a list of other files), not a score:"
                    + " read its scores one by one");
            default -> throw new BadInputException(file, "not MusicXML: root element is <" + root
                    + ">, expected <score-partwise> or <score-timewise>");
        };
        try {
            Unmarshaller u = Context.INSTANCE.createUnmarshaller();
            // go on past values JAXB cannot convert (they are left null and refused below, with their place)
            u.setEventHandler(event -> event.getSeverity() != ValidationEvent.FATAL_ERROR);
            return u.unmarshal(refusingEntities(r), type).getValue();
        } catch (JAXBException e) {
            throw malformed(file, e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing held: the bytes are in memory
            }
        }
    }

    /**
     * Elements no part of Cadenza reads, skipped with everything inside them before JAXB sees the stream: engraving
     * and layout ({@code defaults}, {@code credit}, {@code print}, {@code appearance}, {@code stem}, {@code beam},
     * {@code notehead}, {@code accidental}, {@code type}, {@code dot}, {@code clef}, {@code key},
     * {@code staff-details}, {@code measure-style}), text ({@code lyric}, {@code words}, {@code harmony},
     * {@code rehearsal}, {@code encoding}), {@code notations} (ties are read from {@code <tie>}, tuplets from the
     * durations), {@code time-modification} (likewise), spanners drawn on the page ({@code wedge}, {@code pedal},
     * {@code bracket}, {@code dashes}, {@code octave-shift}: written pitch is already sounding) and {@code barline}
     * (repeats are played as written). Unmarshalling is what costs: a MuseScore song is about 430 KB of XML, and
     * JAXB takes five to six times as long as the parser; leaving these out reads songs 1.3-1.9x faster.
     */
    static final Set<String> SKIPPED = Set.of("defaults", "credit", "print", "appearance", "stem", "beam", "notehead",
            "accidental", "type", "dot", "clef", "key", "staff-details", "measure-style", "lyric", "words",
            "harmony", "rehearsal", "encoding", "notations", "time-modification", "wedge", "pedal", "bracket",
            "dashes", "octave-shift", "barline");

    /**
     * {@code r}, without the {@link #SKIPPED} elements, failing at the first entity reference other than the five
     * of XML and character references (the parser reports them unexpanded, as it reads no DTD): a document that
     * relies on a DTD's entities is refused rather than read with text missing.
     */
    private static XMLStreamReader refusingEntities(XMLStreamReader r) {
        return new StreamReaderDelegate(r) {
            @Override
            public int next() throws XMLStreamException {
                int event = checked(super.next());
                while (event == XMLStreamConstants.START_ELEMENT && SKIPPED.contains(getLocalName())) {
                    for (int depth = 1; depth > 0; ) {
                        event = checked(super.next());
                        depth += event == XMLStreamConstants.START_ELEMENT ? 1
                                : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
                    }
                    event = checked(super.next());
                }
                return event;
            }

            @Override
            public int nextTag() throws XMLStreamException {
                int event = next();
                while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace()
                        || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                        || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                    event = next();
                }
                if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                    throw new XMLStreamException("expected a start or end tag", getLocation());
                }
                return event;
            }

            private int checked(int event) throws XMLStreamException {
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("the entity &" + getLocalName() + "; is not expanded", getLocation());
                }
                return event;
            }
        };
    }

    /** "malformed XML at line L, column C: what the parser says", the cause kept. */
    static BadInputException malformed(Path file, Exception e) {
        XMLStreamException xml = null;
        for (Throwable t = e; t != null && xml == null; t = t.getCause() != null ? t.getCause()
                : t instanceof JAXBException j ? j.getLinkedException() : null) {
            if (t instanceof XMLStreamException x) {
                xml = x;
            }
        }
        if (xml == null) {
            String said = e.getMessage() != null ? e.getMessage() : e.toString();
            return new BadInputException(file, "malformed MusicXML: " + said, e);
        }
        String said = xml.getMessage() == null ? xml.toString() : xml.getMessage();
        int m = said.indexOf("Message: ");
        if (m >= 0) {
            said = said.substring(m + "Message: ".length());
        }
        said = said.strip();
        if (said.contains("entity") || said.contains("Entity")) {
            said += " (Cadenza reads no DTD and expands no entities, for safety)";
        }
        Location at = xml.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        return new BadInputException(file, "malformed XML" + where + ": " + said, e);
    }
}
