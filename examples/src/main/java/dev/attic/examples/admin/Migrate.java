package dev.attic.examples.admin;

import dev.attic.examples.server.DatabaseUrl;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code atticadm migrate --from URL --to URL}: copies the metadata (caches, NARs, chunks, chunk
 * references, objects) between databases, keeping ids, then checks row counts and checksums.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Copies the metadata from one database to another (e.g. SQLite to PostgreSQL), keeping every id,"
                + " in one transaction, then compares row counts and a checksum per table.",
                "Stop atticd first. The chunk files stay where they are: point the new config's [database] url at --to.",
                "A target that already holds an identical copy is left alone (re-running is safe); a target that holds"
                        + " anything else is refused unless --force, which replaces its rows."})
final class Migrate implements Callable<Integer> {
    @ParentCommand
    Atticadm parent;

    @Option(names = "--from", required = true, paramLabel = "URL", description = "The source, as [database] url: sqlite://PATH or postgresql://...")
    String from;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "The target, as [database] url.")
    String to;

    @Option(names = "--force", description = "Replace the rows of a non-empty target.")
    boolean force;

    @Override
    public Integer call() {
        return parent.guard(() -> {
            Path here = Path.of("").toAbsolutePath();
            DatabaseUrl source = DatabaseUrl.parse(from, here);
            DatabaseUrl target = DatabaseUrl.parse(to, here);
            if (source.libsql().isPresent() || target.libsql().isPresent()) {
                parent.err().println("atticadm: migrate copies between SQLite and PostgreSQL; to copy a SQLite file"
                        + " to libSQL/Turso use: atticadm migrate-to-turso --source FILE --turso-url URL --auth-token TOKEN");
                return 1;
            }
            if (source.sqliteFile().isPresent() && !Files.exists(source.sqliteFile().get())) {
                parent.err().println("atticadm: no database at " + source.sqliteFile().get());
                return 1;
            }
            // Opening each through the store brings both to the current schema version.
            source.open().close();
            target.open().close();
            return migrate(source, target, parent.out());
        });
    }

    private int migrate(DatabaseUrl source, DatabaseUrl target, PrintStream out) {
        try (Connection from = MetadataCopy.connect(source); Connection to = MetadataCopy.connect(target)) {
            Map<String, MetadataCopy.TableSum> before = MetadataCopy.sums(from);
            Map<String, MetadataCopy.TableSum> existing = MetadataCopy.sums(to);
            if (existing.equals(before)) {
                out.println("the target already holds an identical copy (" + describe(before) + "); nothing to do");
                return 0;
            }
            if (!MetadataCopy.isEmpty(existing) && !force) {
                parent.err().println("atticadm: the target is not empty (" + describe(existing)
                        + ") and differs from the source; pass --force to replace its rows");
                return 1;
            }
            MetadataCopy.copy(from, to, target.postgres().isPresent());
            Map<String, MetadataCopy.TableSum> after = MetadataCopy.sums(to);
            Map<String, MetadataCopy.TableSum> sourceNow = MetadataCopy.sums(from);
            for (String table : MetadataCopy.TABLES.keySet()) {
                MetadataCopy.TableSum s = sourceNow.get(table);
                MetadataCopy.TableSum t = after.get(table);
                boolean same = s.equals(t);
                out.printf("%-9s %8d rows  %s%n", table, t.rows(), same ? "checksum matches" : "MISMATCH (source " + s.rows() + " rows)");
                if (!same) {
                    parent.err().println("atticadm: table " + table + " differs after the copy (was atticd running on the source?);"
                            + " stop it and run migrate again with --force");
                    return 1;
                }
            }
            out.println("migrated " + source.redacted() + " -> " + target.redacted());
            return 0;
        } catch (SQLException e) {
            throw MetadataCopy.failed("migration failed; the target is unchanged", e);
        }
    }

    private static String describe(Map<String, MetadataCopy.TableSum> sums) {
        StringBuilder b = new StringBuilder();
        sums.forEach((table, sum) -> b.append(b.length() == 0 ? "" : ", ").append(sum.rows()).append(' ').append(table));
        return b.toString();
    }
}
