/**
 * Chunk storage in a local directory: {@link dev.attic.storage.fs.FileSystemStorage}. The on-disk
 * layout (fan-out directories, the layout version marker, atomic writes) is private to this package
 * and described in {@code docs/storage.md}; nothing else should write into the directory.
 */
package dev.attic.storage.fs;
