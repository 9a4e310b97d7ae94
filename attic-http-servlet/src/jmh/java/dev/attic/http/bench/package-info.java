/**
 * End-to-end benchmark programs, run by {@code src/jmh/perf.sh} (see docs/performance.md): the
 * engine and the servlet in embedded Jetty over the embedded default backends (filesystem +
 * SQLite), measured against zstd, nginx and a file:// cache in the same run. Not part of any
 * normal build: the {@code bench} profile adds {@code src/jmh/java} as test sources.
 */
package dev.attic.http.bench;
