/**
 * The storage SPI: where chunk files live. {@link dev.attic.storage.Storage} stores immutable objects
 * under a validated {@link dev.attic.storage.StorageKey}; backends (a local directory, S3) live in
 * their own modules and are wired in by the user. What an object means (a chunk, its compression,
 * which NARs use it) is not known here: that is the engine's and the metadata store's business.
 */
package dev.attic.storage;
