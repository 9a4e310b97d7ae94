/**
 * Nix's basic values: {@link dev.attic.nix.Nix32} (Nix's base-32), {@link dev.attic.nix.Hash}
 * (SHA-256 in Nix's spellings), {@link dev.attic.nix.StorePath} and
 * {@link dev.attic.nix.StorePathHash}. Each validates its input and throws
 * {@link dev.attic.BadInputException}. The NAR format lives in {@code dev.attic.nar}, narinfo in
 * {@code dev.attic.narinfo}, keys and signatures in {@code dev.attic.signing}.
 */
package dev.attic.nix;
