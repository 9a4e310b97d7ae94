/**
 * Reference-aware chunking: masking the store path hashes a NAR embeds, so that its chunks stay
 * the same when only the hashes of its dependencies change (a dependency rebuilt with a new hash).
 *
 * <p>{@link dev.attic.references.ReferenceMaskingInputStream} streams a NAR with the 32 hash
 * characters of every {@code <storeDir>/<hash>} replaced by a fixed placeholder of the same
 * length, and yields a {@link dev.attic.references.ReferenceTable} of where each hash was and
 * which it was. {@link dev.attic.references.ReferenceRestorer} (or its stream form
 * {@link dev.attic.references.ReferenceRestoringInputStream}) puts the hashes back. Masking keeps
 * every offset and the length, so the original and the masked NAR have the same size.
 *
 * <p>Not here: chunking the masked stream, storing the table, and checking the NarHash (the
 * engine does those: the NarHash is always checked on the original bytes).
 */
package dev.attic.references;
