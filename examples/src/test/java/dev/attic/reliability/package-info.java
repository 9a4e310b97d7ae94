/**
 * The reliability suite's tests that need more than one module or more than one process: broken
 * NARs by the ten thousand through the engine, a PostgreSQL outage under a running server, and a
 * server JVM killed with {@code kill -9} mid-upload. Engine-level tests live in attic-core's
 * {@code EngineContract}, HTTP-level ones beside {@code ServletContract}; see docs/reliability.md.
 */
package dev.attic.reliability;
