package dev.attic.nar;

import java.util.Objects;

/**
 * One node of a NAR's tree, as {@link NarReader#list} reports it.
 *
 * @param path the names from the root joined by {@code /}; {@code ""} for the root
 * @param type what the node is
 * @param size the length of a regular file's contents; 0 for the others
 * @param executable whether a regular file carries the executable marker; false for the others
 * @param target a symlink's target; {@code null} for the others
 */
public record NarEntry(String path, Type type, long size, boolean executable, String target) {

    /** The three kinds of node a NAR holds. */
    public enum Type { REGULAR, SYMLINK, DIRECTORY }

    public NarEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        if (size < 0 || (size > 0 && type != Type.REGULAR)) {
            throw new IllegalArgumentException("size " + size + " for a " + type);
        }
        if (executable && type != Type.REGULAR) {
            throw new IllegalArgumentException("only a regular file can be executable");
        }
        if ((target != null) != (type == Type.SYMLINK)) {
            throw new IllegalArgumentException("a symlink, and only a symlink, has a target");
        }
    }

    /** A regular file. */
    public static NarEntry regular(String path, long size, boolean executable) {
        return new NarEntry(path, Type.REGULAR, size, executable, null);
    }

    /** A symlink. */
    public static NarEntry symlink(String path, String target) {
        return new NarEntry(path, Type.SYMLINK, 0, false, target);
    }

    /** A directory. */
    public static NarEntry directory(String path) {
        return new NarEntry(path, Type.DIRECTORY, 0, false, null);
    }
}
