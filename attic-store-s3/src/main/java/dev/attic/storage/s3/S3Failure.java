package dev.attic.storage.s3;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.storage.StorageKey;
import java.io.IOException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's exceptions into the core's: a missing key is a {@link NotFoundException}; a
 * server error (5xx), throttling (429, SlowDown), a timeout or a broken connection is a transient
 * {@link BackendException}; anything else the server refused (403, 400…) is a permanent one.
 */
final class S3Failure {
    private S3Failure() {
    }

    static NotFoundException notFound(StorageKey key, String bucket) {
        return new NotFoundException(ErrorCode.NO_SUCH_OBJECT, "no stored object " + key + " in S3 bucket " + bucket);
    }

    static boolean isNotFound(SdkException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 404;
    }

    /** The exception to throw for {@code e}, raised while doing {@code what}. */
    static AtticException of(String what, SdkException e) {
        if (e instanceof S3Exception s3) {
            int status = s3.statusCode();
            String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
            String detail = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorMessage();
            boolean transientFailure = status >= 500 || status == 429 || status == 408 || "SlowDown".equals(code)
                    || "RequestTimeout".equals(code);
            String message = what + " failed: S3 answered HTTP " + status + (code == null ? "" : " " + code)
                    + (detail == null ? "" : " (" + detail + ")");
            return new BackendException(ErrorCode.STORAGE_ERROR, message, transientFailure, e);
        }
        boolean transientFailure = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || e.retryable() || causedByIo(e);
        return new BackendException(ErrorCode.STORAGE_ERROR, what + " failed: " + e.getMessage(), transientFailure, e);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
