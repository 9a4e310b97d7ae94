/**
 * {@code atticadm}: the administrator's tool, working on a server's config and backends directly
 * (not over HTTP): tokens ({@code make-token}), one garbage collection ({@code gc}), a check of
 * every chunk file ({@code verify}), copying the metadata between databases ({@code migrate},
 * {@code migrate-to-turso}) and
 * the chunk viewer ({@code chunks}). The server itself lives in {@code dev.attic.examples.server}.
 */
package dev.attic.examples.admin;
