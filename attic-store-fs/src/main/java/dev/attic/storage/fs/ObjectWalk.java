package dev.attic.storage.fs;

import dev.attic.storage.StorageKey;
import dev.attic.storage.StoredObject;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lists the objects under a key prefix, one fan-out directory at a time, so memory stays bounded by
 * the largest leaf directory and no directory handle stays open between two reads. The fan-out is a
 * hash, so every leaf is visited whatever the prefix.
 */
final class ObjectWalk implements Iterator<StoredObject> {
    private final String prefix;
    private final Deque<Path> leaves = new ArrayDeque<>();
    private final Deque<Path> fans;
    private Iterator<StoredObject> current = List.<StoredObject>of().iterator();

    ObjectWalk(Path objects, String prefix) {
        this.prefix = prefix;
        this.fans = new ArrayDeque<>(children(objects));
    }

    Stream<StoredObject> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            if (leaves.isEmpty()) {
                if (fans.isEmpty()) {
                    return false;
                }
                leaves.addAll(children(fans.poll()));
                continue;
            }
            current = objectsIn(leaves.poll()).iterator();
        }
        return true;
    }

    @Override
    public StoredObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    private static List<Path> children(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            entries.forEach(out::add);
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw FileSystemStorage.failure("listing " + dir, e);
        }
        out.sort(null);
        return out;
    }

    private List<StoredObject> objectsIn(Path leaf) {
        List<StoredObject> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(leaf)) {
            for (Path file : entries) {
                Optional<StorageKey> key = Layout.key(file.getFileName().toString());
                if (key.isEmpty() || !key.get().startsWith(prefix)) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        out.add(new StoredObject(key.get(), attributes.size()));
                    }
                } catch (NoSuchFileException e) {
                    // Deleted between listing and reading its size: it is gone, so not listed.
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw FileSystemStorage.failure("listing " + leaf, e);
        }
        return out;
    }
}
