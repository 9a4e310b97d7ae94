package dev.attic.examples.client;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns what a user names ({@code ./result}, a store path, a file inside one) into the store path to
 * push, with a plain message when it is not in the store, before any {@code nix} command runs.
 */
final class StoreRoot {
    private StoreRoot() {}

    static String resolve(String argument, Path storeDir) {
        Path given = Path.of(argument.strip());
        if (!Files.exists(given)) {
            throw new BadInputException(ErrorCode.INVALID_STORE_PATH, "'" + argument + "' does not exist");
        }
        Path real;
        Path store;
        try {
            real = given.toRealPath();
            store = Files.exists(storeDir) ? storeDir.toRealPath() : storeDir;
        } catch (IOException e) {
            throw new BadInputException(ErrorCode.INVALID_STORE_PATH, "cannot follow '" + argument + "': " + e.getMessage());
        }
        if (!real.startsWith(store) || real.getNameCount() <= store.getNameCount()) {
            throw new BadInputException(ErrorCode.INVALID_STORE_PATH, "'" + argument + "'" + (real.equals(given) ? "" : " (" + real + ")")
                    + " is not in the Nix store " + storeDir);
        }
        // the store path itself, also for a file inside it (/nix/store/xxx-hello/bin/hello)
        return storeDir.resolve(real.getName(store.getNameCount()).toString()).toString();
    }
}
