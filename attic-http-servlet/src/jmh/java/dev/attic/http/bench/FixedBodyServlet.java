package dev.attic.http.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * The ceiling of the narinfo benchmark: {@code GET /_fixed/<n>} answers {@code n} bytes (at most
 * 64 KiB) as a narinfo, with no work behind them, in the same container, connector and thread pool
 * as {@link dev.attic.http.AtticServlet}. What it serves per second is what any servlet can serve
 * on this set-up; the ratio of the real route to this one is what our own code costs.
 */
final class FixedBodyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX = 64 * 1024;

    /** The last body served, reused while its length is asked for again. */
    private transient volatile byte[] body = new byte[0];

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        int length;
        try {
            length = Integer.parseInt(path == null ? "" : path.substring(1));
        } catch (NumberFormatException e) {
            response.sendError(404);
            return;
        }
        if (length < 0 || length > MAX) {
            response.sendError(404);
            return;
        }
        byte[] bytes = body;
        if (bytes.length != length) {
            bytes = new byte[length];
            Arrays.fill(bytes, (byte) 'x');
            body = bytes;
        }
        response.setStatus(200);
        response.setContentType("text/x-nix-narinfo");
        response.setContentLength(length);
        response.getOutputStream().write(bytes);
    }
}
