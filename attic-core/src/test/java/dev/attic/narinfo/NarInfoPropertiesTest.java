package dev.attic.narinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attic.nix.NixArbitraries;
import dev.attic.signing.SigningKey;
import java.security.SecureRandom;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NarInfoPropertiesTest {
    private static final List<SigningKey> KEYS = List.of(
            SigningKey.generate("cache-a-1", new SecureRandom()), SigningKey.generate("cache-b-1", new SecureRandom()));

    @Property(tries = 300)
    void parsesWhatItRenders(@ForAll("narInfos") NarInfo info) {
        String text = info.render();
        NarInfo parsed = NarInfo.parse(text);
        assertEquals(info, parsed);
        assertEquals(text, parsed.render());
    }

    @Property(tries = 100)
    void signaturesItAddsVerify(@ForAll("narInfos") NarInfo info) {
        NarInfo signed = info.withSignature(KEYS.get(0));
        assertTrue(signed.isSignedByAny(List.of(KEYS.get(0).publicKey())));
        assertTrue(NarInfo.parse(signed.render()).isSignedByAny(List.of(KEYS.get(1).publicKey(), KEYS.get(0).publicKey())));
    }

    @Provide
    Arbitrary<NarInfo> narInfos() {
        Arbitrary<String> urls = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80);
        Arbitrary<String> compressions = Arbitraries.of("none", "xz", "bzip2", "zstd", "br", "gzip");
        Arbitrary<String> cas = NixArbitraries.hashes().flatMap(h ->
                Arbitraries.of("fixed:r:" + h, "text:" + h, "fixed:" + h));
        Arbitrary<NarInfo.ExtraField> extras = Arbitraries.of("System", "X-Foo", "Ext")
                .flatMap(k -> Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30)
                        .map(v -> new NarInfo.ExtraField(k, v)));
        return Builders.withBuilder(NarInfo::builder)
                .use(NixArbitraries.storePaths()).in(NarInfo.Builder::storePath)
                .use(urls).in(NarInfo.Builder::url)
                .use(compressions).in(NarInfo.Builder::compression)
                .use(NixArbitraries.hashes()).in(NarInfo.Builder::narHash)
                .use(Arbitraries.longs().between(1, Long.MAX_VALUE)).in(NarInfo.Builder::narSize)
                .use(NixArbitraries.hashes()).withProbability(0.7).in(NarInfo.Builder::fileHash)
                .use(Arbitraries.longs().between(0, Long.MAX_VALUE)).withProbability(0.7).in(NarInfo.Builder::fileSize)
                .use(NixArbitraries.storePaths().list().ofMaxSize(6)).in(NarInfo.Builder::references)
                .use(NixArbitraries.storePaths()).withProbability(0.5).in(NarInfo.Builder::deriver)
                .use(cas).withProbability(0.3).in(NarInfo.Builder::ca)
                .use(extras.list().ofMaxSize(2)).in(NarInfo.Builder::extraFields)
                .build(NarInfo.Builder::build)
                .flatMap(info -> Arbitraries.integers().between(0, 2).map(n -> {
                    NarInfo signed = info;
                    for (int i = 0; i < n; i++) {
                        signed = signed.withSignature(KEYS.get(i));
                    }
                    return signed;
                }));
    }

}
