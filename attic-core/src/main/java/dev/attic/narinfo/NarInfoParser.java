package dev.attic.narinfo;

import dev.attic.AtticException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.nix.Hash;
import dev.attic.nix.StorePath;
import dev.attic.signing.Signature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads narinfo text line by line into a {@link NarInfo.Builder}, naming the line of any error. */
final class NarInfoParser {
    private final String storeDir;
    private final NarInfo.Builder builder = NarInfo.builder();
    private final Set<String> seen = new HashSet<>();
    private final List<StorePath> references = new ArrayList<>();
    private final List<Signature> signatures = new ArrayList<>();
    private final List<NarInfo.ExtraField> extraFields = new ArrayList<>();
    private int lineNumber;

    private NarInfoParser(String storeDir) {
        this.storeDir = storeDir;
    }

    static NarInfo parse(String text, String storeDir) {
        NarInfoParser parser = new NarInfoParser(storeDir);
        int firstCr = text.indexOf('\r');
        int start = 0;
        while (start < text.length()) {
            parser.lineNumber++;
            int end = text.indexOf('\n', start);
            if (firstCr >= start && (end < 0 || firstCr < end)) {
                throw parser.error("carriage return (CR) found; narinfo lines end with LF only");
            }
            if (end < 0) {
                throw parser.error("the text does not end with LF");
            }
            parser.line(text.substring(start, end));
            start = end + 1;
        }
        return parser.finish();
    }

    private void line(String line) {
        int colon = line.indexOf(": ");
        if (colon <= 0) {
            throw error("expected 'Key: value'");
        }
        String key = line.substring(0, colon);
        String value = line.substring(colon + 2);
        if (Fields.KNOWN_KEYS.contains(key) && !key.equals("Sig") && !seen.add(key)) {
            throw error(key + " appears more than once; it may appear once");
        }
        try {
            Fields.requireText(key, value);
            field(key, value);
        } catch (BadInputException e) {
            if (e.code() == ErrorCode.INVALID_NAR_INFO) {
                throw new BadInputException(ErrorCode.INVALID_NAR_INFO,
                        "narinfo line " + lineNumber + ": " + e.getMessage(), e);
            }
            throw NarInfo.wrap("narinfo line " + lineNumber + ": " + key + ": ", e);
        }
    }

    private void field(String key, String value) {
        switch (key) {
            case "StorePath" -> builder.storePath(StorePath.parse(value, storeDir));
            case "URL" -> {
                Fields.requireUrl(value);
                builder.url(value);
            }
            case "Compression" -> {
                Fields.requireCompression(value);
                builder.compression(value);
            }
            case "FileHash" -> builder.fileHash(Hash.parse(value));
            case "FileSize" -> builder.fileSize(Fields.parseSize(key, value));
            case "NarHash" -> builder.narHash(Hash.parse(value));
            case "NarSize" -> {
                long narSize = Fields.parseSize(key, value);
                Fields.requireNarSize(narSize);
                builder.narSize(narSize);
            }
            case "References" -> {
                if (!value.isEmpty()) {
                    for (String baseName : value.split(" ", -1)) {
                        references.add(StorePath.fromBaseName(baseName, storeDir));
                    }
                }
            }
            case "Deriver" -> {
                if (!value.equals("unknown-deriver")) {
                    builder.deriver(StorePath.fromBaseName(value, storeDir));
                }
            }
            case "Sig" -> signatures.add(Signature.parse(value));
            case "CA" -> {
                if (!value.isEmpty()) {
                    Fields.requireCa(value);
                    builder.ca(value);
                }
            }
            default -> extraFields.add(new NarInfo.ExtraField(key, value));
        }
    }

    private NarInfo finish() {
        lineNumber = 0;
        for (String key : List.of("StorePath", "URL", "NarHash", "NarSize")) {
            if (!seen.contains(key)) {
                throw new BadInputException(ErrorCode.INVALID_NAR_INFO, "narinfo has no " + key + " field");
            }
        }
        try {
            return builder.references(references).signatures(signatures).extraFields(extraFields).build();
        } catch (AtticException e) {
            throw NarInfo.wrap("narinfo: ", e);
        }
    }

    private BadInputException error(String message) {
        return new BadInputException(ErrorCode.INVALID_NAR_INFO, "narinfo line " + lineNumber + ": " + message);
    }
}
