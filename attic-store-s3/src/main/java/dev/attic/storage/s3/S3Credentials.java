package dev.attic.storage.s3;

import dev.attic.BadInputException;
import dev.attic.ErrorCode;

/** A static S3 access key pair. {@link #toString()} never shows the secret. */
public record S3Credentials(String accessKeyId, String secretAccessKey) {
    public S3Credentials {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "S3 access key id is empty");
        }
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "S3 secret access key is empty");
        }
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
}
