/**
 * The runnable programs over the library. {@link dev.attic.examples.Main} dispatches the one jar to
 * {@code atticd} (package {@code server}), {@code atticadm} ({@code admin}) and {@code attic}
 * ({@code client}); {@link dev.attic.examples.Chunks} shows how a file is chunked (also
 * {@code atticadm chunks}). Nothing here is library API.
 */
package dev.attic.examples;
