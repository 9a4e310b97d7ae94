/**
 * The Nix archive (NAR) format: {@link dev.attic.nar.NarValidator} checks a NAR's bytes as they
 * stream past (and can sit on a stream someone else consumes), {@link dev.attic.nar.NarReader}
 * reads one into a {@link dev.attic.nar.NarVisitor} or a listing, {@link dev.attic.nar.NarWriter}
 * writes one node by node and {@link dev.attic.nar.NarDump} dumps a file system tree as
 * {@code nix-store --dump} does. Nothing here holds file contents in memory.
 *
 * <p>Not here: NAR hashes, store paths and narinfo (packages {@code nix}, {@code narinfo}), and
 * compression or chunking of NARs.
 */
package dev.attic.nar;
