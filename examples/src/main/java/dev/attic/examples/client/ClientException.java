package dev.attic.examples.client;

import dev.attic.AtticException;
import dev.attic.ErrorCode;

/** A local failure of the client: a {@code nix} command that failed, a file it could not write. */
final class ClientException extends AtticException {
    private static final long serialVersionUID = 1L;

    ClientException(String message) {
        super(ErrorCode.INTERNAL, message, null);
    }

    ClientException(String message, Throwable cause) {
        super(ErrorCode.INTERNAL, message, cause);
    }
}
