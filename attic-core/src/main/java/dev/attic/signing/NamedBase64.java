package dev.attic.signing;

import com.google.common.io.BaseEncoding;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;

/** Nix's {@code name:base64} text for keys and signatures, split and checked. */
record NamedBase64(String name, byte[] bytes) {

    /** Splits and decodes {@code text}, which must hold exactly {@code expectedBytes} bytes. */
    static NamedBase64 parse(String text, int expectedBytes, String what, ErrorCode code) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new BadInputException(code, what + " is not in Nix's 'name:base64' format (no ':')");
        }
        String name = text.substring(0, colon);
        requireName(name, what, code);
        String payload = text.substring(colon + 1);
        byte[] bytes;
        try {
            bytes = BaseEncoding.base64().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(code, what + " '" + name + "' has invalid base64 after ':'", e);
        }
        if (bytes.length != expectedBytes) {
            throw new BadInputException(code, what + " '" + name + "' holds " + bytes.length
                    + " bytes; expected " + expectedBytes);
        }
        if (!BaseEncoding.base64().encode(bytes).equals(payload)) {
            throw new BadInputException(code, what + " '" + name + "' has non-canonical base64");
        }
        return new NamedBase64(name, bytes);
    }

    /** A key name is what Nix matches signatures to keys by: non-empty, no ':', printable, no space. */
    static void requireName(String name, String what, ErrorCode code) {
        if (name.isEmpty()) {
            throw new BadInputException(code, what + " has an empty key name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ':') {
                throw new BadInputException(code, what + " has a key name with a character that is "
                        + "not printable ASCII, or is a space or ':' at index " + i);
            }
        }
    }

    static String render(String name, byte[] bytes) {
        return name + ":" + BaseEncoding.base64().encode(bytes);
    }
}
