package dev.attic.references;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.luben.zstd.ZstdInputStream;
import dev.attic.nix.Hash;
import dev.attic.nix.StorePathHash;
import dev.attic.nix.TestVectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NARs of the closure a real Nix copied to a binary cache (vectors/binary-cache-zstd): masking
 * finds exactly the references Nix recorded in each narinfo, and restoring gives back the bytes
 * whose NarHash the narinfo states.
 */
class ReferenceVectorsTest {

    static List<Path> narInfos() {
        return TestVectors.files("binary-cache-zstd", ".narinfo");
    }

    @ParameterizedTest
    @MethodSource("narInfos")
    void masksTheReferencesNixRecordedAndRestoresTheNarHash(Path narInfo) throws IOException {
        List<String> lines = Files.readAllLines(narInfo);
        String url = field(lines, "URL");
        Hash narHash = Hash.parse(field(lines, "NarHash"));
        Set<String> references = Arrays.stream(field(lines, "References").split(" "))
                .filter(s -> !s.isEmpty()).map(s -> s.substring(0, StorePathHash.LENGTH))
                .collect(Collectors.toCollection(TreeSet::new));
        byte[] nar;
        try (InputStream in = new ZstdInputStream(Files.newInputStream(narInfo.resolveSibling(url)))) {
            nar = in.readAllBytes();
        }
        assertEquals(Long.parseLong(field(lines, "NarSize")), nar.length);

        Masking.Masked masked = Masking.mask(nar, "/nix/store");
        Set<String> found = masked.table().hashes().stream().map(StorePathHash::value)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(references, found);
        assertEquals(nar.length, masked.bytes().length);
        for (String reference : references) {
            assertFalse(Masking.text(masked.bytes()).contains(reference), reference + " is masked everywhere");
        }

        byte[] restored = Masking.restore(masked.bytes(), ReferenceTable.decode(masked.table().encode()), 1, 7, List.of(5, 64));
        assertArrayEquals(nar, restored);
        assertEquals(narHash, Hash.sha256Of(restored));
    }

    private static String field(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " line"));
    }
}
