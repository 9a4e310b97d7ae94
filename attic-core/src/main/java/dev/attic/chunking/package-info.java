/**
 * Content-defined chunking of NARs: {@link dev.attic.chunking.FastCdc}, cut-point compatible with
 * upstream Attic, the {@link dev.attic.chunking.ChunkingSettings} that configure it, and the
 * {@link dev.attic.chunking.ChunkReader} that streams any {@link dev.attic.chunking.Chunker} over
 * an {@link java.io.InputStream} with one bounded buffer, handing out each chunk's bytes without a
 * copy and its SHA-256 on request.
 *
 * <p>Not here: compressing and storing chunks, and deciding which chunks a cache already has (the
 * engine does that with what this package yields).
 */
package dev.attic.chunking;
