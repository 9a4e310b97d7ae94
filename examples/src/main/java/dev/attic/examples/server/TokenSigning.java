package dev.attic.examples.server;

import dev.attic.auth.TokenKey;
import java.util.Objects;

/**
 * Upstream's {@code [jwt.signing]}: which key signs and verifies tokens, and its base64 text
 * (a secret: {@link #toString()} never shows it).
 */
public record TokenSigning(Kind kind, String base64) {

    /** The three forms upstream accepts, by their config key. */
    public enum Kind {
        HS256("token-hs256-secret-base64"),
        RS256("token-rs256-secret-base64"),
        RS256_PUBLIC("token-rs256-pubkey-base64");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key under {@code [jwt.signing]}. */
        public String key() {
            return key;
        }
    }

    public TokenSigning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(base64, "base64");
    }

    /** The key; fails naming the config key when the text is not a valid key. */
    public TokenKey key() {
        return switch (kind) {
            case HS256 -> TokenKey.hs256FromBase64(base64);
            case RS256 -> TokenKey.rs256FromBase64(base64);
            case RS256_PUBLIC -> TokenKey.rs256PublicFromBase64(base64);
        };
    }

    @Override
    public String toString() {
        return kind.key() + " = (redacted)";
    }
}
