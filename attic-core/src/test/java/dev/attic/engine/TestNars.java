package dev.attic.engine;

import dev.attic.nar.NarWriter;
import dev.attic.nix.Hash;
import dev.attic.nix.Nix32;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** NARs and upload descriptions for engine tests, made with the real NAR writer. */
public final class TestNars {
    private TestNars() {}

    /** A NAR and what a client would say about it. */
    public record TestNar(byte[] bytes, String storePath, String storePathHash) {
        public Hash narHash() {
            return Hash.sha256Of(bytes);
        }

        public UploadPathInfo info() {
            return info(List.of());
        }

        public UploadPathInfo info(List<String> references) {
            return new UploadPathInfo(storePathHash, storePath, references, Optional.empty(), List.of(),
                    Optional.empty(), Optional.of("x86_64-linux"), narHash().toString(), bytes.length);
        }

        /** A description of this store path that declares another NAR hash. */
        public UploadPathInfo infoWithHash(Hash hash, long size) {
            return new UploadPathInfo(storePathHash, storePath, List.of(), Optional.empty(), List.of(),
                    Optional.empty(), Optional.empty(), hash.toString(), size);
        }

        public String baseName() {
            return storePath.substring("/nix/store/".length());
        }
    }

    /** A NAR of one regular file holding {@code contents}, for a store path with a hash from {@code seed}. */
    public static TestNar regularFile(String name, byte[] contents, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            NarWriter nar = new NarWriter(out);
            nar.regularFile(false, contents);
            nar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = storePathHash(seed);
        return new TestNar(out.toByteArray(), "/nix/store/" + hash + "-" + name, hash);
    }

    /** {@code size} pseudo-random bytes: incompressible and reproducible. */
    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * {@code size} pseudo-random bytes (from {@code seed}) with {@code storePath} written over them
     * every {@code every} bytes, as a binary embeds a dependency's path (in an RPATH, a string
     * table, a wrapper script): two calls that differ only in the path's hash differ only there.
     */
    public static byte[] embeddingStorePath(int size, long seed, String storePath, int every) {
        byte[] bytes = randomBytes(size, seed);
        byte[] path = storePath.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int at = every / 2; at + path.length <= size; at += every) {
            System.arraycopy(path, 0, bytes, at, path.length);
        }
        return bytes;
    }

    /** A valid store path hash derived from a seed. */
    public static String storePathHash(long seed) {
        byte[] raw = new byte[20];
        new Random(seed * 31 + 7).nextBytes(raw);
        return Nix32.encode(raw);
    }
}
