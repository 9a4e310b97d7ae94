/**
 * {@code atticd}: the standalone server. {@link dev.attic.examples.server.ServerConfig} reads
 * upstream Attic's {@code server.toml} keys (with environment overrides);
 * {@link dev.attic.examples.server.AtticServer} runs the engine and the servlet in embedded Jetty;
 * {@link dev.attic.examples.server.Atticd} is the command line and the first-start experience.
 * The command-line client and the admin tool live in their own packages.
 */
package dev.attic.examples.server;
