package dev.attic.engine;

import dev.attic.AtticException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nar.NarValidator;
import dev.attic.nar.NarVisitor;
import dev.attic.nix.Hash;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;

/**
 * An upload body on its one pass through the engine: every byte is counted, hashed and checked
 * against the NAR grammar before it is handed on, and at the end the size and hash must be the
 * declared ones. A body longer than declared fails as soon as it is; a shorter one, a malformed NAR
 * or a wrong hash fails at its end, before anything is committed.
 */
final class VerifyingInputStream extends FilterInputStream {
    private final Hash expectedHash;
    private final long expectedSize;
    private final MessageDigest digest;
    private final NarValidator validator;
    private long count;
    private boolean verified;

    private final Function<IOException, AtticException> readError;

    VerifyingInputStream(InputStream body, Hash expectedHash, long expectedSize, Function<IOException, AtticException> readError) {
        super(body);
        this.readError = readError;
        this.expectedHash = expectedHash;
        this.expectedSize = expectedSize;
        this.digest = sha256();
        this.validator = new NarValidator(new NarVisitor() {}, expectedSize);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (verified) {
            return -1;
        }
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (IOException e) {
            throw readError.apply(e);
        }
        if (n < 0) {
            verifyEnd();
            return -1;
        }
        count += n;
        if (count > expectedSize) {
            throw new BadInputException(ErrorCode.NAR_MISMATCH,
                    "the upload body is longer than its declared NarSize of " + expectedSize + " bytes");
        }
        validator.update(buffer, offset, n);
        digest.update(buffer, offset, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("an upload body is verified byte by byte and cannot be skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads what is left, so that the whole body is verified (proof of possession). */
    void drain() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // every byte is verified in read()
        }
    }

    /** True once the whole body was read and found to be the declared NAR. */
    boolean isVerified() {
        return verified;
    }

    private void verifyEnd() {
        if (count != expectedSize) {
            throw new BadInputException(ErrorCode.NAR_MISMATCH, "the upload body has " + count
                    + " bytes but its declared NarSize is " + expectedSize + " (the body ended early)");
        }
        validator.finish();
        Hash actual = Hash.of(digest);
        if (!actual.equals(expectedHash)) {
            throw new BadInputException(ErrorCode.NAR_MISMATCH,
                    "the NAR's hash is " + actual + " but its declared NarHash is " + expectedHash);
        }
        verified = true;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every Java platform has SHA-256", e);
        }
    }
}
