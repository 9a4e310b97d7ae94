/**
 * The root of Attic for Java: the error types every module shares. The Nix formats, the chunker,
 * the storage and metadata SPIs and the engine live in sub-packages named by concept.
 */
package dev.attic;
