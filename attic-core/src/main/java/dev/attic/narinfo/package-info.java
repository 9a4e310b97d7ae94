/**
 * The {@code .narinfo} format: {@link dev.attic.narinfo.NarInfo} parses, validates, renders,
 * fingerprints and signs it. Serving narinfos over HTTP and storing them are not here.
 */
package dev.attic.narinfo;
