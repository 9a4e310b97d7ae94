/**
 * Small runnable programs over the library, until the real {@code atticd}, {@code attic} and
 * {@code atticadm} land: {@link dev.attic.examples.Chunks} shows how a file is chunked. Nothing here
 * is API.
 */
package dev.attic.examples;
