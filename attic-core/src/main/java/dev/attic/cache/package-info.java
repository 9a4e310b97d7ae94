/**
 * Caches as tenants: their names and, with the engine, their configuration. Authorization lives in
 * {@code dev.attic.auth}; stored rows in the metadata SPI.
 */
package dev.attic.cache;
