package org.cadenza.cli;

import org.cadenza.corpus.Workspace;
import org.cadenza.io.CadenzaException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opening workspaces from the command line. */
final class WorkspaceOption {
    private WorkspaceOption() {
    }

    /** Opens an existing workspace, or says how to make one. */
    static Workspace existing(Path dir) {
        if (!Files.isRegularFile(dir.resolve(Workspace.CATALOG_FILE))) {
            throw new CadenzaException("no workspace at " + dir + " (no " + Workspace.CATALOG_FILE
                    + "); make one with `cadenza ingest <folder or labels.csv> --workspace " + dir + "`");
        }
        return Workspace.open(dir);
    }
}
