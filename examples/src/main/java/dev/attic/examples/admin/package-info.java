/**
 * {@code atticadm}: the administrator's tool, working on a server's config and backends directly
 * (not over HTTP): tokens ({@code make-token}), one garbage collection ({@code gc}) and the chunk
 * viewer ({@code chunks}). The server itself lives in {@code dev.attic.examples.server}.
 */
package dev.attic.examples.admin;
