package dev.attic.http;

import java.util.List;

/**
 * What a request path names. Paths are taken raw (not percent-decoded): every segment a route
 * accepts is plain ASCII, so an encoded or odd segment simply matches no route.
 */
record Route(Kind kind, String cache, String name) {
    enum Kind {
        HEALTH, METRICS,
        MISSING_PATHS, UPLOAD_PATH, CACHE_CONFIG,
        NIX_CACHE_INFO, ATTIC_CACHE_INFO, NAR_INFO, NAR, NOT_FOUND
    }

    /** Whether a path segment is {@code [A-Za-z0-9._+-]{1,200}} (by hand: it runs on every request). */
    private static boolean isSegment(String part) {
        if (part.isEmpty() || part.length() > 200) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '+' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static Route parse(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return new Route(Kind.HEALTH, null, null);
        }
        List<String> parts = List.of(path.substring(path.startsWith("/") ? 1 : 0).split("/", -1));
        for (String part : parts) {
            if (!isSegment(part) || part.equals(".") || part.equals("..")) {
                return notFound();
            }
        }
        if (parts.size() == 1) {
            return switch (parts.get(0)) {
                case "_health" -> new Route(Kind.HEALTH, null, null);
                case "_metrics" -> new Route(Kind.METRICS, null, null);
                default -> notFound();
            };
        }
        if (parts.get(0).equals("_api")) {
            if (parts.size() == 3 && parts.get(1).equals("v1")) {
                return switch (parts.get(2)) {
                    case "get-missing-paths" -> new Route(Kind.MISSING_PATHS, null, null);
                    case "upload-path" -> new Route(Kind.UPLOAD_PATH, null, null);
                    default -> notFound();
                };
            }
            if (parts.size() == 4 && parts.get(1).equals("v1") && parts.get(2).equals("cache-config")) {
                return new Route(Kind.CACHE_CONFIG, parts.get(3), null);
            }
            return notFound();
        }
        String cache = parts.get(0);
        if (parts.size() == 2) {
            String file = parts.get(1);
            if (file.equals("nix-cache-info")) {
                return new Route(Kind.NIX_CACHE_INFO, cache, null);
            }
            if (file.equals("attic-cache-info")) {
                return new Route(Kind.ATTIC_CACHE_INFO, cache, null);
            }
            if (file.endsWith(".narinfo")) {
                return new Route(Kind.NAR_INFO, cache, file.substring(0, file.length() - ".narinfo".length()));
            }
            return notFound();
        }
        if (parts.size() == 3 && parts.get(1).equals("nar")) {
            return new Route(Kind.NAR, cache, parts.get(2));
        }
        return notFound();
    }

    private static Route notFound() {
        return new Route(Kind.NOT_FOUND, null, null);
    }

    /** A short, bounded label for metrics: the route kind, never a user-chosen string. */
    String label() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
