package dev.attic.references;

import dev.attic.chunking.PiecewiseInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.attic.nix.Nix32;

/** Test helpers: mask and restore through the streams, and the whole-array oracle they must agree with. */
final class Masking {
    private Masking() {}

    /** The masked bytes and the table, read through the masking stream. */
    record Masked(byte[] bytes, ReferenceTable table, long leftInPlace) {}

    static Masked mask(byte[] original, String storeDir) {
        return mask(original, storeDir, ReferenceMaskingInputStream.DEFAULT_MAX_REFERENCES, 0, 1 << 20, List.of(1 << 20));
    }

    /**
     * Masks with the source handing out pieces of 1 to {@code largestSourcePiece} bytes (seeded),
     * and the caller reading with the lengths of {@code readSizes} in turn.
     */
    static Masked mask(byte[] original, String storeDir, int maxReferences, long seed, int largestSourcePiece,
            List<Integer> readSizes) {
        try (ReferenceMaskingInputStream masking = new ReferenceMaskingInputStream(
                new PiecewiseInputStream(original, seed, largestSourcePiece), storeDir, maxReferences)) {
            byte[] bytes = readAll(masking, readSizes);
            return new Masked(bytes, masking.table(), masking.referencesLeftInPlace());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] restore(byte[] masked, ReferenceTable table, long seed, int largestSourcePiece, List<Integer> readSizes) {
        try (InputStream restoring = new ReferenceRestoringInputStream(
                new PiecewiseInputStream(masked, seed, largestSourcePiece), table)) {
            return readAll(restoring, readSizes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] readAll(InputStream in, List<Integer> readSizes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[readSizes.stream().mapToInt(Integer::intValue).max().orElse(1) + 3];
        for (int i = 0; ; i++) {
            int size = readSizes.get(i % readSizes.size());
            // also read at an offset into the buffer, and now and then one byte through read()
            if (size == 1 && i % 2 == 0) {
                int b = in.read();
                if (b < 0) {
                    return out.toByteArray();
                }
                out.write(b);
                continue;
            }
            int n = in.read(buffer, 3, size);
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buffer, 3, n);
        }
    }

    /**
     * The oracle: every {@code <storeDir>/} + 32 nix32 characters, found left to right over the
     * whole array with a regular expression.
     */
    static List<Reference> storePathHashesIn(byte[] bytes, String storeDir) {
        Pattern pattern = Pattern.compile(Pattern.quote(storeDir + "/") + "([" + Nix32.ALPHABET + "]{32})");
        Matcher m = pattern.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        List<Reference> found = new ArrayList<>();
        while (m.find()) {
            found.add(new Reference(m.start(1), new dev.attic.nix.StorePathHash(m.group(1))));
        }
        return found;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
