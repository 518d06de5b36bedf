package org.cadenza.cli;

import org.cadenza.corpus.datasets.DatasetFetcher;
import org.cadenza.corpus.datasets.PublicDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code cadenza datasets}: the public corpora. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.FetchCommand.class})
public final class DatasetsCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code cadenza datasets list}. */
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            StringBuilder b = new StringBuilder();
            for (PublicDataset d : PublicDataset.values()) {
                b.append(String.format("%-17s %s, https://github.com/%s @ %s%n%17s licence: %s%n", d.id(), d.content(),
                        d.repository(), d.commit().substring(0, 12), "", d.licence()));
            }
            json.print(b.toString(), ResultDocuments::datasets);
            return ExitCode.OK;
        }
    }

    /** {@code cadenza datasets fetch NAME}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true)
    static final class FetchCommand implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--to", paramLabel = "DIR", defaultValue = "${sys:user.home}/.cadenza/datasets")
        Path to;

        @Option(names = "--from", paramLabel = "FILE.zip")
        Path from;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            DatasetFetcher.Result r = DatasetFetcher.fromEnvironment().fetch(PublicDataset.parse(name), to,
                    Optional.ofNullable(from), new ConsoleProgress());
            String how = switch (r.source()) {
                case LOCAL_COPY -> "local copy (CADENZA_DATA)";
                case ALREADY_FETCHED -> "fetched earlier";
                case FROM_ARCHIVE -> "unpacked from " + from;
                case DOWNLOADED -> "downloaded from https://github.com/" + r.dataset().repository();
            };
            String left = r.skipped().isEmpty() ? "" : String.format("left out: %d files (%s), listed in %s%n",
                    r.skipped().size(), ResultDocuments.skippedByReason(r).entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")),
                    r.folder().resolve("skipped.csv"));
            json.print(String.format("%s: %d files, %s%n%s%s%n", r.dataset().id(), r.files(), how, left, r.folder()),
                    () -> ResultDocuments.fetched(r));
            return ExitCode.OK;
        }
    }
}
