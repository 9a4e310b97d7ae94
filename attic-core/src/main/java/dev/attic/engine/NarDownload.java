package dev.attic.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A NAR ready to be served. Everything that can be checked before the first byte was checked:
 * the object exists, the caller may read it, and every chunk is recorded valid and present in
 * storage. What can still fail is reading a chunk while streaming: then {@link #writeTo} throws
 * and the caller must make the failure visible (an HTTP server aborts the response rather than
 * ending it as if complete).
 */
public final class NarDownload {
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private final long narSize;
    private final Optional<URI> redirect;
    private final Body body;

    NarDownload(long narSize, Optional<URI> redirect, Body body) {
        this.narSize = narSize;
        this.redirect = Objects.requireNonNull(redirect, "redirect");
        this.body = Objects.requireNonNull(body, "body");
    }

    /** A download that is a redirect to the stored file (of {@code fileSize} bytes) and has no body here. */
    static NarDownload redirect(long fileSize, URI url) {
        return new NarDownload(fileSize, Optional.of(url), out -> {
            throw new IllegalStateException("a redirected download has no body: send the redirect");
        });
    }

    /** The NAR's size in bytes: what {@link #writeTo} writes. */
    public long narSize() {
        return narSize;
    }

    /**
     * Where a client may fetch the stored file itself instead (a presigned URL), or empty. Only
     * offered for the compressed route ({@code nar/<hash>.nar.zst}) of single-chunk NARs.
     */
    public Optional<URI> redirect() {
        return redirect;
    }

    /**
     * Writes the NAR, every chunk verified against its hash on the way.
     *
     * @throws IOException when {@code out} fails
     * @throws dev.attic.AtticException when a chunk cannot be read or does not verify (it is then
     *     marked corrupt); the bytes written so far are a prefix of the NAR
     */
    public void writeTo(OutputStream out) throws IOException {
        body.writeTo(out);
    }
}
