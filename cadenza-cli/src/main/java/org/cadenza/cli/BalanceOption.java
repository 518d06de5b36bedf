package org.cadenza.cli;

import picocli.CommandLine.Option;

/**
 * {@code --balance}: how to even out the classes with more training music than others (none, cap:N, oversample); each
 * command gives its default where it mixes it in, e.g. {@code @Mixin BalanceOption balance = new BalanceOption("none");}
 * (shown by --help).
 */
public final class BalanceOption {

    @Option(names = "--balance", paramLabel = "HOW")
    String balance;

    /** For picocli; the commands give their default with {@link #BalanceOption(String)}. */
    BalanceOption() {
        this("none");
    }

    /** @param balance the balancing by default, as --balance writes it */
    BalanceOption(String balance) {
        this.balance = balance;
    }

    /** @return the balancing as written, for {@link org.cadenza.corpus.dataset.Balancing#parse} */
    String value() {
        return balance;
    }
}
