package dev.attic.storage.s3;

import java.util.Iterator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The SDK's lazy page-by-page listing, with its failures turned into the core's exceptions. */
final class Listing implements Iterator<S3Object> {
    private final Iterator<S3Object> pages;
    private final String what;

    Listing(Iterator<S3Object> pages, String what) {
        this.pages = pages;
        this.what = what;
    }

    @Override
    public boolean hasNext() {
        try {
            return pages.hasNext();
        } catch (SdkException e) {
            throw S3Failure.of("listing " + what, e);
        }
    }

    @Override
    public S3Object next() {
        try {
            return pages.next();
        } catch (SdkException e) {
            throw S3Failure.of("listing " + what, e);
        }
    }
}
