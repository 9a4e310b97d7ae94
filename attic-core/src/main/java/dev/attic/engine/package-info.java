/**
 * The cache engine and its one entry point, {@link dev.attic.engine.Attic}: caches as tenants,
 * upload (verify, chunk, deduplicate, compress, store, commit), download (reassemble, verify,
 * stream), narinfos signed on the fly, garbage collection. It works only through the storage and
 * metadata SPIs and knows no HTTP; the servlet adapter maps its operations and errors to routes.
 */
package dev.attic.engine;
