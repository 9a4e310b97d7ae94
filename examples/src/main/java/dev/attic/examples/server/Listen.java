package dev.attic.examples.server;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;

/**
 * The address atticd listens on, written as upstream's {@code listen}: {@code "[::]:8080"},
 * {@code "0.0.0.0:8080"}, {@code "127.0.0.1:8080"}, {@code "localhost:0"} (port 0: any free port).
 */
public record Listen(String host, int port) {
    public Listen {
        if (host == null || host.isBlank()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "listen: the host is empty");
        }
        if (port < 0 || port > 65_535) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "listen: port " + port + " is outside 0..65535");
        }
    }

    /** Parses {@code host:port}, with an IPv6 host in brackets. */
    public static Listen parse(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "listen: \"" + text + "\" is not host:port (e.g. \"127.0.0.1:8080\" or \"[::]:8080\")");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "listen: \"" + text + "\": put an IPv6 address in brackets, e.g. \"[::]:8080\"");
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "listen: \"" + text + "\" has no numeric port");
        }
        return new Listen(host, port);
    }

    /** The host as a URL writes it: brackets around IPv6, and a wildcard shown as localhost. */
    String urlHost() {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "localhost";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
