/**
 * Nix's Ed25519 signing of narinfos: {@link dev.attic.signing.SigningKey} (secret key),
 * {@link dev.attic.signing.PublicKey}, {@link dev.attic.signing.Signature} and the
 * {@link dev.attic.signing.Fingerprint} they sign, all in Nix's {@code name:base64} formats.
 * Signing a whole narinfo is {@code NarInfo.withSignature}; key storage and rotation are not here.
 */
package dev.attic.signing;
