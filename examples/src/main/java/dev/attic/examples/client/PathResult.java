package dev.attic.examples.client;

import java.time.Duration;
import java.util.Optional;

/** How the upload of one path ended: the server's result, or the reason it failed. */
record PathResult(PathInfo path, Optional<UploadResult> result, Optional<String> failure, Duration elapsed, int attempts) {
    boolean succeeded() {
        return result.isPresent();
    }
}
