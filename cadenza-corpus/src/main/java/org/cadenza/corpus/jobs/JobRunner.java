package org.cadenza.corpus.jobs;

import org.cadenza.corpus.ProgressListener;
import org.cadenza.corpus.catalog.Catalog;
import org.cadenza.corpus.catalog.Problem;
import org.cadenza.corpus.catalog.Stage;
import org.cadenza.corpus.catalog.StageFailure;
import org.cadenza.io.BadInputException;
import org.cadenza.io.CadenzaException;
import org.cadenza.io.DiskFullException;
import org.cadenza.io.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one job's work items on {@code threads} workers with a bounded queue, records each failure as a problem
 * and a stage failure, and counts done / skipped / failed. Shared by {@link RenderJob} and {@link FeatureJob}.
 *
 * <p>A full disk is not a failure of the file: the first item that meets one ({@link DiskFullException#isDiskFull})
 * stops the job. No problem or stage failure is recorded for it, no further item is started, the items already
 * running finish, and the {@link DiskFullException} is thrown; finished artifacts are kept, so a rerun after
 * freeing space resumes.
 */
final class JobRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    /** One unit of work: returns true when it produced its artifact, false when it found it already done. */
    /**
     * One file's work.
     *
     * @param path   shown in progress and problems
     * @param sha256 the source file's SHA-256
     * @param work   does the work: true when something was produced, false when it was already there; throws on failure
     */
    record Item(String path, String sha256, Work work) {
    }

    /** The work of one item. */
    @FunctionalInterface
    interface Work {
        boolean run() throws Exception;
    }

    private JobRunner() {
    }

    static JobReport run(Catalog catalog, Stage stage, String paramsKey, String sourceKey, String command,
                         List<? extends Item> items, int threads, ProgressListener progress) {
        Parameters.atLeast("threads", threads, 1);
        ProgressListener p = ProgressListener.synchronizedListener(progress);
        long start = System.nanoTime();
        long runId = catalog.startRun(command);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        p.start(stage.dbName(), items.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cadenza-" + stage.dbName());
            t.setDaemon(true);
            return t;
        });
        Semaphore queue = new Semaphore(threads * 2);
        AtomicReference<DiskFullException> diskFull = new AtomicReference<>();
        Path workspace = catalog.file().getParent();
        try {
            for (Item item : items) {
                queue.acquire();
                if (diskFull.get() != null) {
                    queue.release();
                    break;
                }
                pool.execute(() -> {
                    boolean ok = true;
                    try {
                        if (item.work().run()) {
                            done.incrementAndGet();
                        } else {
                            skipped.incrementAndGet();
                        }
                    } catch (Exception | LinkageError | AssertionError e) {
                        ok = false;
                        Optional<DiskFullException> full = DiskFullException.from(e, workspace);
                        if (full.isPresent()) {
                            diskFull.compareAndSet(null, full.get());
                            return; // not the file's fault: nothing recorded against it
                        }
                        failed.incrementAndGet();
                        String why = e instanceof BadInputException bad ? bad.problem() : String.valueOf(e);
                        if (!(e instanceof BadInputException)) {
                            LOG.warn("{} failed on {}", stage.dbName(), item.path(), e);
                        }
                        Instant now = Instant.now();
                        Problem problem = new Problem(runId, stage, item.path(), why, now);
                        problems.add(problem);
                        try {
                            catalog.recordProblem(problem);
                            catalog.recordStageFailure(new StageFailure(item.sha256(), stage, paramsKey, sourceKey,
                                    why, runId, now));
                        } catch (RuntimeException dbError) {
                            Optional<DiskFullException> dbFull = DiskFullException.from(dbError, catalog.file());
                            if (dbFull.isPresent()) {
                                diskFull.compareAndSet(null, dbFull.get());
                            } else {
                                LOG.error("cannot record the failure of {} in the catalog", item.path(), dbError);
                            }
                        }
                    } finally {
                        queue.release();
                        p.advance(item.path(), ok);
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // wait for the last items
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new CadenzaException(stage.dbName() + " job interrupted; finished items are kept, rerun to resume",
                    e);
        } finally {
            pool.shutdownNow();
            p.finish();
        }
        if (diskFull.get() != null) {
            throw diskFull.get();
        }
        List<Problem> sorted;
        synchronized (problems) {
            sorted = new ArrayList<>(problems);
        }
        JobReport report = new JobReport(stage.dbName(), runId, done.get(), skipped.get(), failed.get(), sorted,
                Duration.ofNanos(System.nanoTime() - start));
        catalog.finishRun(runId, report.counts());
        LOG.info(report.summary());
        return report;
    }

    /**
     * Deletes temporary files left in {@code dir} by a killed writer (names starting with '.' and ending in
     * {@code suffix}). Returns how many were removed.
     */
    static int removeStaleTemporaries(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*" + suffix)) {
            for (Path tmp : ds) {
                if (Files.isRegularFile(tmp) && Files.deleteIfExists(tmp)) {
                    n++;
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot clean temporary files in {}: {}", dir, e.toString());
        }
        if (n > 0) {
            LOG.info("removed {} temporary file(s) left in {} by an interrupted run", n, dir);
        }
        return n;
    }
}
