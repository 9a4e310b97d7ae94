/**
 * {@code attic}, the command-line client: {@code login}, {@code use}, {@code cache
 * create|configure|info|destroy}, {@code push} and {@code watch-store}, speaking upstream Attic's
 * HTTP API to an {@code atticd} (or upstream's) server and reading the local store with the
 * {@code nix} commands. The entry point is {@link dev.attic.examples.client.Attic}; everything else
 * is package-private. The server lives in {@code dev.attic.examples.server}, not here.
 */
package dev.attic.examples.client;
