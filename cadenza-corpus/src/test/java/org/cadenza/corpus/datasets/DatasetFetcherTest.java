package org.cadenza.corpus.datasets;

import com.sun.net.httpserver.HttpServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cadenza.corpus.ProgressListener;
import org.cadenza.io.CadenzaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetFetcherTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A zip shaped like GitHub's archive of the ASAP repository: one top folder, metadata.csv, MIDI files. */
    static byte[] asapLikeZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String top = "asap-dataset-abc/";
            put(zip, top + "metadata.csv", ("composer,title,folder,xml_score,midi_score,midi_performance\n"
                    + "Bach,Fugue_bwv_846,Bach/Fugue/bwv_846,x,Bach/Fugue/bwv_846/midi_score.mid,Bach/Fugue/bwv_846/Shi05M.mid\n"
                    + "Bach,Fugue_bwv_846,Bach/Fugue/bwv_846,x,Bach/Fugue/bwv_846/midi_score.mid,Bach/Fugue/bwv_846/Lee01M.mid\n"
                    + "Chopin,Etude_op_10_1,Chopin/Etudes/10-1,x,Chopin/Etudes/10-1/midi_score.mid,Chopin/Etudes/10-1/Kim01.mid\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String f : List.of("Bach/Fugue/bwv_846/midi_score.mid", "Bach/Fugue/bwv_846/Shi05M.mid",
                    "Bach/Fugue/bwv_846/Lee01M.mid", "Chopin/Etudes/10-1/midi_score.mid", "Chopin/Etudes/10-1/Kim01.mid")) {
                put(zip, top + f, ("MThd fake " + f).getBytes(StandardCharsets.UTF_8));
            }
            put(zip, top + "Bach/Fugue/bwv_846/xml_score.musicxml", "<xml/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static Map<String, CSVRecord> labels(Path folder) throws IOException {
        try (Reader r = Files.newBufferedReader(folder.resolve("labels.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords()
                    .stream().collect(Collectors.toMap(rec -> rec.get("path"), Function.identity()));
        }
    }

    @Test
    void downloadsUnpacksAndLabelsThenReusesTheFolder(@TempDir Path tmp) throws Exception {
        byte[] zip = asapLikeZip();
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, zip.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(zip);
            }
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/archive.zip");
        DatasetFetcher fetcher = new DatasetFetcher(HttpClient.newHttpClient(), Optional.empty(), d -> base);

        DatasetFetcher.Result r = fetcher.fetch(PublicDataset.ASAP, tmp, Optional.empty(), ProgressListener.NONE);
        assertEquals(DatasetFetcher.Source.DOWNLOADED, r.source());
        assertEquals(5, r.files(), "2 scores + 3 performances, the repeated score listed once");
        Map<String, CSVRecord> labels = labels(r.folder());
        assertEquals("bach/Fugue_bwv_846", labels.get("bach/Fugue/bwv_846/Shi05M.mid").get("piece_id"));
        assertEquals("bach/Fugue_bwv_846", labels.get("bach/Fugue/bwv_846/midi_score.mid").get("piece_id"));
        assertEquals("chopin", labels.get("chopin/Etudes/10-1/Kim01.mid").get("composer"));
        assertTrue(Files.isRegularFile(r.folder().resolve("chopin/Etudes/10-1/Kim01.mid")));
        assertFalse(Files.exists(r.folder().resolve("bach/Fugue/bwv_846/xml_score.musicxml")), "only MIDI is kept");

        DatasetFetcher.Result again = fetcher.fetch(PublicDataset.ASAP, tmp, Optional.empty(), ProgressListener.NONE);
        assertEquals(DatasetFetcher.Source.ALREADY_FETCHED, again.source());
        assertEquals(1, requests.get(), "the second fetch downloads nothing");
    }

    @Test
    void localCopyUnderCadenzaDataIsUsedInPlace(@TempDir Path tmp) throws IOException {
        Path local = Files.createDirectories(tmp.resolve("data/asap"));
        Files.writeString(local.resolve("labels.csv"), "path,composer,piece_id\nbach/a.mid,bach,bach/a\n");
        DatasetFetcher fetcher = new DatasetFetcher(HttpClient.newHttpClient(), Optional.of(tmp.resolve("data")),
                d -> URI.create("http://127.0.0.1:9/never"));
        DatasetFetcher.Result r = fetcher.fetch(PublicDataset.ASAP, tmp.resolve("fetched"), Optional.empty(),
                ProgressListener.NONE);
        assertEquals(DatasetFetcher.Source.LOCAL_COPY, r.source());
        assertEquals(local, r.folder());
        assertEquals(1, r.files());
        assertFalse(Files.exists(tmp.resolve("fetched/asap")));
    }

    @Test
    void offlineSaysWhatToDo(@TempDir Path tmp) {
        // port 9 (discard) on loopback: nothing listens, the connection is refused at once
        DatasetFetcher fetcher = new DatasetFetcher(HttpClient.newHttpClient(), Optional.empty(),
                d -> URI.create("http://127.0.0.1:9/asap.zip"));
        CadenzaException e = assertThrows(CadenzaException.class,
                () -> fetcher.fetch(PublicDataset.ASAP, tmp, Optional.empty(), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("offline"), e.getMessage());
        assertTrue(e.getMessage().contains("CADENZA_DATA"), e.getMessage());
        assertTrue(e.getMessage().contains("--from"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("asap")));
    }

    @Test
    void archiveDownloadedByHandIsUnpacked(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("asap-dataset-master.zip");
        Files.write(zip, asapLikeZip());
        DatasetFetcher fetcher = new DatasetFetcher(HttpClient.newHttpClient(), Optional.empty(),
                d -> URI.create("http://127.0.0.1:9/never"));
        DatasetFetcher.Result r = fetcher.fetch(PublicDataset.ASAP, tmp.resolve("out"), Optional.of(zip),
                ProgressListener.NONE);
        assertEquals(DatasetFetcher.Source.FROM_ARCHIVE, r.source());
        assertEquals(5, r.files());
        assertTrue(Files.isRegularFile(zip), "the user's archive is left alone");
    }

    @Test
    void pianoMidiWorkIdsKeepMovementsTogether(@TempDir Path tmp) throws IOException {
        Path meta = tmp.resolve("metadata.csv");
        Files.writeString(meta, "composer,title,year,midi,duration\n"
                + "Beethoven,Sonata_No.8_C_minor_Opus_13_1,1799,midis/Beethoven/pathetique_1.mid,559\n"
                + "Beethoven,Sonata_No.8_C_minor_Opus_13_2,1799,midis/Beethoven/pathetique_2.mid,309\n"
                + "Beethoven,For_Elise,1810,midis/Beethoven/elise.mid,165\n"
                + "Balakirew,Islamej_Oriental_fantasia,1869,midis/Balakirew/islamei.mid,496\n");
        List<FetchedLabel> rows = MetadataCsvLayout.pianoMidiDe(meta);
        assertEquals("beethoven/Sonata_No.8_C_minor_Opus_13", rows.get(0).workId());
        assertEquals(rows.get(0).workId(), rows.get(1).workId());
        assertEquals("beethoven/For_Elise", rows.get(2).workId());
        assertEquals("beethoven/pathetique_1", rows.get(0).pieceId());
        assertEquals("balakirew/islamei.mid", rows.get(3).path());
    }
}
