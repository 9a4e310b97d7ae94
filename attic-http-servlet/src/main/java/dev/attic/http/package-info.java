/**
 * The HTTP adapter: {@link dev.attic.http.AtticServlet}, one Jakarta servlet that serves the Nix
 * binary cache protocol and the Attic API v1 over an {@link dev.attic.engine.Attic} engine, plus
 * health and Prometheus metrics. No engine logic lives here: routes, JSON, headers, status codes.
 */
package dev.attic.http;
