package dev.attic.http;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.IOException;
import java.io.InputStream;

/** Reads a small request body or preamble whole, refusing one above a limit without reading it all. */
final class BoundedBody {
    private BoundedBody() {}

    /** Up to {@code limit} bytes, the whole stream: a longer one is refused. */
    static byte[] readAll(InputStream in, int limit, String what) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, what + " is larger than the limit of " + limit + " bytes");
        }
        return bytes;
    }

    /** Exactly {@code length} bytes: a stream that ends first is refused. */
    static byte[] readExactly(InputStream in, int length, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, what + " ended after " + bytes.length + " of its " + length + " bytes");
        }
        return bytes;
    }
}
