package dev.attic.nar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Extracts the vectors' trees.tar with its modes and symlinks: a minimal reader for the ustar and
 * GNU tar headers it uses (regular files, directories, symlinks, GNU long names).
 */
final class TarTrees {
    private TarTrees() {}

    static void extract(Path tar, Path destination) throws IOException {
        try (InputStream in = Files.newInputStream(tar)) {
            String longName = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || isZero(header)) {
                    return;
                }
                String name = longName != null ? longName : field(header, 0, 100);
                longName = null;
                int mode = (int) octal(header, 100, 8);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String linkName = field(header, 157, 100);
                byte[] data = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                Path target = destination.resolve(name).normalize();
                if (!target.startsWith(destination)) {
                    throw new IOException("tar entry outside the destination: " + name);
                }
                switch (type) {
                    case 'L' -> longName = new String(data, 0, indexOfZero(data), StandardCharsets.UTF_8);
                    case '5' -> {
                        Files.createDirectories(target);
                        Files.setPosixFilePermissions(target, permissions(mode));
                    }
                    case '2' -> Files.createSymbolicLink(target, Path.of(linkName));
                    case '0', '\0' -> {
                        Files.write(target, data);
                        Files.setPosixFilePermissions(target, permissions(mode));
                    }
                    default -> throw new IOException("unsupported tar entry type '" + type + "' for " + name);
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String digits = field(header, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static int indexOfZero(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return data.length;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
