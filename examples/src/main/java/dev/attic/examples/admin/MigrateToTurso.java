package dev.attic.examples.admin;

import dev.attic.ConflictException;
import dev.attic.metadata.jdbi.MetadataMigration;
import dev.attic.metadata.jdbi.MigrationReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code atticadm migrate-to-turso --source FILE.db --turso-url URL --auth-token TOKEN [--force]}:
 * copies a SQLite metadata file into a libSQL (Turso, sqld) database with
 * {@link MetadataMigration#sqliteToLibsql}, and prints each table's row count and checksum.
 */
@Command(name = "migrate-to-turso", mixinStandardHelpOptions = true,
        description = {"Copies the metadata of a SQLite file into a libSQL database (Turso or sqld), keeping every id,"
                + " in one transaction, then prints each table's row count and SHA-256 as read back from both sides.",
                "Stop atticd first. Then set [database] url = the Turso URL and auth_token = the token.",
                "A target that already holds an identical copy is left alone (re-running is safe); a target that holds"
                        + " anything else is refused unless --force, which replaces its rows."})
final class MigrateToTurso implements Callable<Integer> {
    @ParentCommand
    Atticadm parent;

    @Option(names = "--source", required = true, paramLabel = "FILE.db", description = "The SQLite metadata file (atticd's server.db).")
    Path source;

    @Option(names = "--turso-url", required = true, paramLabel = "URL",
            description = "The libSQL database: libsql://HOST (Turso), https://HOST or http://HOST:PORT (sqld).")
    String url;

    @Option(names = "--auth-token", paramLabel = "TOKEN",
            description = "The database's auth token (turso db tokens create NAME); omit for a sqld without auth.")
    String authToken;

    @Option(names = "--force", description = "Replace the rows of a non-empty target that is not already a copy.")
    boolean force;

    @Override
    public Integer call() {
        return parent.guard(() -> {
            MigrationReport report;
            try {
                report = MetadataMigration.sqliteToLibsql(source, url, authToken, force);
            } catch (ConflictException e) {
                parent.err().println("atticadm: " + e.getMessage() + "; nothing was written");
                return 1;
            }
            for (MigrationReport.Table t : report.tables()) {
                parent.out().printf("%-9s %8d rows  sha256 %s%n", t.name(), t.targetRows(), t.targetSha256());
            }
            parent.out().println(switch (report.outcome()) {
                case COPIED -> "copied " + report.rows() + " rows from " + source + " to " + url + "; every table verified";
                case ALREADY_COPIED -> url + " already holds an identical copy of " + source + "; nothing to do";
                case REPLACED -> "replaced the rows of " + url + " with the " + report.rows() + " rows of " + source
                        + "; every table verified";
            });
            return 0;
        });
    }
}
