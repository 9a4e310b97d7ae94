/**
 * Unsupported: the spelling checks the metadata records and the metadata backends share. Public
 * only so that {@code attic-meta-jdbi} can use them; they may change without notice.
 */
package dev.attic.metadata.internal;
