package dev.attic.nar;

/**
 * Receives the tree of a NAR as it is parsed, in NAR order (depth first, entries sorted by name).
 *
 * <p>A path is the node's names from the root joined by {@code /}, the root itself being
 * {@code ""}; names and symlink targets are decoded as UTF-8 for display (validation and ordering
 * work on the raw bytes, so a non-UTF-8 name shows as U+FFFD here). Events are delivered as soon
 * as the parser has checked them, so a {@link BadNarException} thrown later means that everything
 * already delivered belongs to a NAR that was refused: treat it as provisional until the read
 * returns.
 *
 * <p>An exception a method throws reaches the caller of {@link NarValidator#update} or
 * {@link NarReader#read} unchanged, and leaves the validator unusable. Every method has an empty
 * default: implement only what you need.
 */
public interface NarVisitor {

    /** A directory starts; its entries follow, then {@link #endDirectory}. */
    default void directory(String path) {}

    /** The directory at {@code path} has no more entries. */
    default void endDirectory(String path) {}

    /**
     * A regular file of {@code size} bytes starts; its contents follow in {@link #contents} calls,
     * then {@link #endRegularFile}.
     */
    default void regularFile(String path, boolean executable, long size) {}

    /**
     * The next bytes of the current regular file: {@code length} bytes of {@code buffer} from
     * {@code offset}. The buffer belongs to the caller and is reused: copy what you keep.
     */
    default void contents(byte[] buffer, int offset, int length) {}

    /** All contents of the regular file at {@code path} were delivered. */
    default void endRegularFile(String path) {}

    /** A symlink to {@code target} (never followed, never resolved). */
    default void symlink(String path, String target) {}
}
