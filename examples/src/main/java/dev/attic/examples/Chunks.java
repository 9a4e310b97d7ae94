package dev.attic.examples;

import com.google.common.hash.HashCode;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.chunking.ChunkReader;
import dev.attic.chunking.ChunkingSettings;
import dev.attic.chunking.FastCdc;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Shows how Attic chunks a file (the future {@code atticadm chunks}):
 *
 * <pre>
 * chunks FILE [--min N] [--avg N] [--max N]          one line per chunk: offset TAB length TAB sha256-hex
 * chunks OLD NEW [--min N] [--avg N] [--max N]       how many bytes NEW adds to a cache that holds OLD
 * </pre>
 *
 * Sizes are bytes, or KiB and MiB with a {@code K} or {@code M} suffix; they default to upstream
 * Attic's {@code min-size} 16K, {@code avg-size} 64K and {@code max-size} 256K.
 */
public final class Chunks {

    static final String USAGE = String.join("\n",
            "usage: chunks FILE [--min N] [--avg N] [--max N]",
            "       chunks OLD NEW [--min N] [--avg N] [--max N]",
            "Cuts FILE into chunks as Attic does (FastCDC, cut-point compatible with upstream Attic)",
            "and prints one line per chunk: offset<TAB>length<TAB>sha256-hex.",
            "With two files, prints how many bytes NEW adds to a cache that already holds OLD.",
            "Sizes are bytes, or KiB/MiB with a K/M suffix. Defaults: --min 16K --avg 64K --max 256K.");

    private final PrintStream out;

    private Chunks(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns 0 on success, 1 when a file cannot be read, 2 on bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (BadInputException e) {
            err.println("chunks: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (arguments == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            Chunks chunks = new Chunks(out);
            FastCdc chunker = FastCdc.of(arguments.settings());
            if (arguments.files().size() == 1) {
                chunks.list(chunker, arguments.files().get(0));
            } else {
                chunks.estimate(chunker, arguments.files().get(0), arguments.files().get(1));
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("chunks: no such file: " + e.getFile());
            return 1;
        } catch (IOException e) {
            err.println("chunks: cannot read: " + e);
            return 1;
        }
    }

    private void list(FastCdc chunker, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ChunkReader chunks = chunker.split(in);
            StringBuilder line = new StringBuilder(96);
            while (chunks.next()) {
                line.setLength(0);
                line.append(chunks.offset()).append('\t').append(chunks.length()).append('\t').append(chunks.sha256());
                out.println(line);
            }
        }
    }

    private void estimate(FastCdc chunker, Path old, Path updated) throws IOException {
        Set<HashCode> stored = new HashSet<>();
        try (InputStream in = Files.newInputStream(old)) {
            ChunkReader chunks = chunker.split(in);
            while (chunks.next()) {
                stored.add(chunks.sha256());
            }
        }
        long totalBytes = 0;
        long totalChunks = 0;
        long addedBytes = 0;
        long addedChunks = 0;
        try (InputStream in = Files.newInputStream(updated)) {
            ChunkReader chunks = chunker.split(in);
            while (chunks.next()) {
                totalBytes += chunks.length();
                totalChunks++;
                // A chunk is stored once, even when NEW repeats it.
                if (stored.add(chunks.sha256())) {
                    addedBytes += chunks.length();
                    addedChunks++;
                }
            }
        }
        double percent = totalBytes == 0 ? 0 : 100.0 * addedBytes / totalBytes;
        out.printf(Locale.ROOT, "%s adds %d of its %d bytes (%.1f%%): %d of its %d chunks are not in %s%n",
                updated, addedBytes, totalBytes, percent, addedChunks, totalChunks, old);
    }

    /** The parsed command line; {@code null} from {@link #parse} means "print the usage". */
    record Arguments(List<Path> files, ChunkingSettings settings) {

        static Arguments parse(String[] args) {
            List<Path> files = new ArrayList<>();
            ChunkingSettings defaults = ChunkingSettings.DEFAULT;
            int min = defaults.minSize();
            int avg = defaults.avgSize();
            int max = defaults.maxSize();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return null;
                }
                if (!arg.startsWith("--")) {
                    files.add(Path.of(arg));
                    continue;
                }
                String name = arg;
                String value;
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw usage("option " + arg + " needs a size");
                }
                switch (name) {
                    case "--min" -> min = size(name, value);
                    case "--avg" -> avg = size(name, value);
                    case "--max" -> max = size(name, value);
                    default -> throw usage("unknown option " + name);
                }
            }
            if (files.isEmpty() || files.size() > 2) {
                throw usage("expected one or two files, got " + files.size());
            }
            return new Arguments(List.copyOf(files), ChunkingSettings.of(min, avg, max));
        }

        private static int size(String option, String value) {
            String text = value.toUpperCase(Locale.ROOT);
            int shift = text.endsWith("K") ? 10 : text.endsWith("M") ? 20 : 0;
            if (shift > 0) {
                text = text.substring(0, text.length() - 1);
            }
            long number;
            try {
                number = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw usage(option + " expects a size in bytes, or with a K or M suffix, got '" + value + "'");
            }
            if (number < 0 || number > (Integer.MAX_VALUE >> shift)) {
                throw usage(option + " " + value + " is out of range");
            }
            return (int) (number << shift);
        }

        private static BadInputException usage(String message) {
            return new BadInputException(ErrorCode.BAD_REQUEST, message);
        }
    }
}
