package dev.attic.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class CheckedLengthStreamTest {
    private static ResponseInputStream<GetObjectResponse> body(InputStream in) {
        return new ResponseInputStream<>(GetObjectResponse.builder().build(), AbortableInputStream.create(in));
    }

    @Test
    void passesABodyOfTheExpectedLength() throws IOException {
        byte[] bytes = {1, 2, 3, 4, 5};
        try (InputStream in = new CheckedLengthStream(body(new ByteArrayInputStream(bytes)), "k", 5)) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
    }

    @Test
    void aBodyThatEndsEarlyThrowsInsteadOfLookingComplete() throws IOException {
        try (InputStream in = new CheckedLengthStream(body(new ByteArrayInputStream(new byte[10])), "chunks/x.zst", 100)) {
            EOFException e = assertThrows(EOFException.class, in::readAllBytes);
            assertTrue(e.getMessage().contains("chunks/x.zst ended after 10 of 100 bytes"), e.getMessage());
        }
    }

    @Test
    void anUncheckedFailureOfTheHttpClientReachesTheReaderAsIoException() throws IOException {
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("connection pool shut down");
            }
        };
        try (InputStream in = new CheckedLengthStream(body(failing), "k", 100)) {
            IOException e = assertThrows(IOException.class, in::read);
            assertTrue(e.getMessage().contains("connection pool shut down"), e.getMessage());
        }
    }
}
