/**
 * How chunk files are compressed at rest (zstd or none) and read back. Decompressing what Nix
 * uploads ({@code .nar.xz}, {@code .nar.bz2}) belongs to the HTTP adapter, not here.
 */
package dev.attic.compression;
