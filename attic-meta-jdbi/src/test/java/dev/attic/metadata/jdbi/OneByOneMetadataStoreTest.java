package dev.attic.metadata.jdbi;

import dev.attic.metadata.MetadataStore;
import dev.attic.metadata.MetadataStoreContract;
import dev.attic.metadata.TestClock;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata contract on SQLite through {@link MetadataStore}'s default methods (the batched
 * chunk methods one by one), as a store that does not override them would run: the defaults must
 * keep the contract too.
 */
class OneByOneMetadataStoreTest extends MetadataStoreContract {
    @TempDir
    Path dir;

    @Override
    protected MetadataStore open(TestClock clock) {
        MetadataStore jdbi = JdbiMetadata.builder().sqlite(dir.resolve("metadata.db")).clock(clock).build();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            try {
                return method.invoke(jdbi, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (MetadataStore) Proxy.newProxyInstance(MetadataStore.class.getClassLoader(),
                new Class<?>[] {MetadataStore.class}, handler);
    }
}
