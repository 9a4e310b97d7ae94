package dev.attic.narinfo;

import dev.attic.AtticException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nix.Hash;
import dev.attic.nix.StorePath;
import dev.attic.signing.Fingerprint;
import dev.attic.signing.PublicKey;
import dev.attic.signing.Signature;
import dev.attic.signing.SigningKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@code .narinfo}: what a binary cache says about one store path. {@link #parse} reads Nix's
 * text, {@link #render()} writes it back in Nix's field order: StorePath, URL, Compression,
 * FileHash, FileSize, NarHash, NarSize, References, Deriver, Sig (zero or more), CA, then any
 * {@linkplain ExtraField field this class does not know}, in the order they came.
 *
 * <p>As in Nix, references and signatures are sets: kept sorted (references by base name,
 * signatures by text) without duplicates, a missing Compression means {@code bzip2}, and a
 * Deriver of {@code unknown-deriver} means none. No value may hold a control character, so no
 * value can inject a line.
 */
public record NarInfo(
        StorePath storePath,
        String url,
        String compression,
        Optional<Hash> fileHash,
        OptionalLong fileSize,
        Hash narHash,
        long narSize,
        List<StorePath> references,
        Optional<StorePath> deriver,
        List<Signature> signatures,
        Optional<String> ca,
        List<ExtraField> extraFields) {

    /** What Nix assumes when a narinfo has no Compression field. */
    public static final String DEFAULT_COMPRESSION = "bzip2";

    /** Validates every field; sorts and de-duplicates references and signatures. */
    public NarInfo {
        Objects.requireNonNull(storePath, "storePath");
        Objects.requireNonNull(narHash, "narHash");
        Objects.requireNonNull(fileHash, "fileHash");
        Objects.requireNonNull(fileSize, "fileSize");
        Objects.requireNonNull(deriver, "deriver");
        Objects.requireNonNull(ca, "ca");
        Fields.requireUrl(url);
        Fields.requireCompression(compression);
        Fields.requireNarSize(narSize);
        fileSize.ifPresent(Fields::requireFileSize);
        ca.ifPresent(Fields::requireCa);
        String storeDir = storePath.storeDir();
        for (StorePath reference : references) {
            Fields.requireSameStore(storeDir, reference, "reference");
        }
        deriver.ifPresent(d -> Fields.requireSameStore(storeDir, d, "deriver"));
        references = references.stream()
                .sorted(Comparator.comparing(StorePath::baseName))
                .distinct()
                .toList();
        signatures = signatures.stream()
                .sorted(Comparator.comparing(Signature::toString))
                .distinct()
                .toList();
        extraFields = List.copyOf(extraFields);
    }

    /** A builder; StorePath, URL, NarHash and NarSize are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this narinfo's fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Parses a narinfo whose paths are in {@value StorePath#DEFAULT_STORE_DIR}.
     *
     * @throws BadInputException ({@link ErrorCode#INVALID_NAR_INFO}) naming the line at fault
     */
    public static NarInfo parse(String text) {
        return parse(text, StorePath.DEFAULT_STORE_DIR);
    }

    /**
     * Parses a narinfo whose paths are in {@code storeDir}. Lines end with LF only and the text
     * ends with one; each line is {@code Key: value}.
     *
     * @throws BadInputException ({@link ErrorCode#INVALID_NAR_INFO}) naming the line at fault
     */
    public static NarInfo parse(String text, String storeDir) {
        return NarInfoParser.parse(text, storeDir);
    }

    /** The narinfo text, every line ending in LF. */
    public String render() {
        StringBuilder out = new StringBuilder(512);
        line(out, "StorePath", storePath.toString());
        line(out, "URL", url);
        line(out, "Compression", compression);
        fileHash.ifPresent(h -> line(out, "FileHash", h.toString()));
        fileSize.ifPresent(s -> line(out, "FileSize", Long.toString(s)));
        line(out, "NarHash", narHash.toString());
        line(out, "NarSize", Long.toString(narSize));
        out.append("References: ");
        for (int i = 0; i < references.size(); i++) {
            out.append(i == 0 ? "" : " ").append(references.get(i).baseName());
        }
        out.append('\n');
        deriver.ifPresent(d -> line(out, "Deriver", d.baseName()));
        signatures.forEach(s -> line(out, "Sig", s.toString()));
        ca.ifPresent(c -> line(out, "CA", c));
        extraFields.forEach(f -> line(out, f.key(), f.value()));
        return out.toString();
    }

    /** What a {@code Sig} signs. */
    public Fingerprint fingerprint() {
        return Fingerprint.of(storePath, narHash, narSize, references);
    }

    /** This narinfo with {@code key}'s signature of its fingerprint added. */
    public NarInfo withSignature(SigningKey key) {
        List<Signature> more = new ArrayList<>(signatures);
        more.add(key.sign(fingerprint()));
        return toBuilder().signatures(more).build();
    }

    /**
     * True when at least one {@code Sig} verifies with the trusted key of the same name, as Nix
     * decides whether to trust a substitute. Signatures by unknown names are ignored.
     */
    public boolean isSignedByAny(Collection<PublicKey> trustedKeys) {
        Fingerprint fingerprint = fingerprint();
        for (Signature signature : signatures) {
            for (PublicKey key : trustedKeys) {
                if (key.verify(fingerprint, signature)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(": ").append(value).append('\n');
    }

    /**
     * A field this library does not interpret, such as Nix's {@code System}: kept, and rendered
     * after the known fields in the order it came. The key is {@code [A-Za-z][A-Za-z0-9-]*} and not
     * one of the known keys; the value has no control characters.
     */
    public record ExtraField(String key, String value) {
        /** Validates key and value. */
        public ExtraField {
            Fields.requireExtraKey(key);
            Fields.requireText(key, value);
        }
    }

    /** Collects fields for a {@link NarInfo}; {@link #build()} validates them. */
    public static final class Builder {
        private StorePath storePath;
        private String url;
        private String compression = DEFAULT_COMPRESSION;
        private Hash fileHash;
        private Long fileSize;
        private Hash narHash;
        private Long narSize;
        private List<StorePath> references = List.of();
        private StorePath deriver;
        private List<Signature> signatures = List.of();
        private String ca;
        private List<ExtraField> extraFields = List.of();

        private Builder() {}

        private Builder(NarInfo from) {
            storePath = from.storePath;
            url = from.url;
            compression = from.compression;
            fileHash = from.fileHash.orElse(null);
            fileSize = from.fileSize.isPresent() ? from.fileSize.getAsLong() : null;
            narHash = from.narHash;
            narSize = from.narSize;
            references = from.references;
            deriver = from.deriver.orElse(null);
            signatures = from.signatures;
            ca = from.ca.orElse(null);
            extraFields = from.extraFields;
        }

        public Builder storePath(StorePath value) { storePath = value; return this; }
        public Builder url(String value) { url = value; return this; }
        public Builder compression(String value) { compression = value; return this; }
        public Builder fileHash(Hash value) { fileHash = value; return this; }
        public Builder fileSize(long value) { fileSize = value; return this; }
        public Builder narHash(Hash value) { narHash = value; return this; }
        public Builder narSize(long value) { narSize = value; return this; }
        public Builder references(Collection<StorePath> value) { references = List.copyOf(value); return this; }
        public Builder deriver(StorePath value) { deriver = value; return this; }
        public Builder signatures(Collection<Signature> value) { signatures = List.copyOf(value); return this; }
        public Builder ca(String value) { ca = value; return this; }
        public Builder extraFields(Collection<ExtraField> value) { extraFields = List.copyOf(value); return this; }

        /**
         * @throws BadInputException ({@link ErrorCode#INVALID_NAR_INFO}) when a required field is
         *     missing or a value is invalid
         */
        public NarInfo build() {
            requirePresent(storePath, "StorePath");
            requirePresent(url, "URL");
            requirePresent(narHash, "NarHash");
            requirePresent(narSize, "NarSize");
            return new NarInfo(storePath, url, compression, Optional.ofNullable(fileHash),
                    fileSize == null ? OptionalLong.empty() : OptionalLong.of(fileSize), narHash, narSize,
                    references, Optional.ofNullable(deriver), signatures, Optional.ofNullable(ca), extraFields);
        }

        private static void requirePresent(Object value, String key) {
            if (value == null) {
                throw new BadInputException(ErrorCode.INVALID_NAR_INFO, "narinfo has no " + key + " field");
            }
        }
    }

    /** Rewraps a field error from another format (hash, store path, signature) as a narinfo error. */
    static BadInputException wrap(String where, AtticException e) {
        return new BadInputException(ErrorCode.INVALID_NAR_INFO, where + e.getMessage(), e);
    }
}
