package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NixConfTest {
    private static final String TAIL = "https://cache.nixos.org";

    @Test
    void putsTheCacheFirstInAnExistingListAndKeepsEverythingElse() {
        String before = "# comment\n\n  substituters =  https://a.example https://b.example   # mine\nmax-jobs = 4\n";
        String after = NixConf.parse(before).addToList("substituters", "https://new.example/c", TAIL).text();
        assertEquals("# comment\n\n  substituters =  https://new.example/c https://a.example https://b.example   # mine\nmax-jobs = 4\n",
                after);
    }

    @Test
    void addingTwiceChangesNothing() {
        NixConf conf = NixConf.parse("substituters = https://a.example\n");
        String once = conf.addToList("substituters", "https://new.example", TAIL).text();
        String twice = NixConf.parse(once).addToList("substituters", "https://new.example", TAIL).text();
        assertEquals(once, twice);
        String alreadyLast = NixConf.parse("substituters = https://a.example https://new.example\n")
                .addToList("substituters", "https://new.example", TAIL).text();
        assertEquals("substituters = https://a.example https://new.example\n", alreadyLast, "present anywhere counts");
    }

    @Test
    void aNewListKeepsCacheNixosOrgAfterTheCache() {
        assertEquals("substituters = https://new.example https://cache.nixos.org\n",
                NixConf.parse("").addToList("substituters", "https://new.example", TAIL).text());
    }

    @Test
    void aSimilarKeyIsNotTheSetting() {
        String after = NixConf.parse("extra-substituters = https://x.example\n")
                .addToList("substituters", "https://new.example", TAIL).text();
        assertEquals("extra-substituters = https://x.example\nsubstituters = https://new.example https://cache.nixos.org\n", after);
    }

    @Test
    void setReplacesTheValueInPlaceOrAppends() {
        assertEquals("a = 1\nnetrc-file = /new\nb = 2\n", NixConf.parse("a = 1\nnetrc-file=/old\nb = 2\n").set("netrc-file", "/new").text()
                .replace("netrc-file=/new", "netrc-file = /new"));
        assertEquals("a = 1\nnetrc-file = /new\n", NixConf.parse("a = 1").set("netrc-file", "/new").text());
    }

    @Test
    void keepsLinesItDoesNotUnderstand() {
        String odd = "!include /etc/nix/extra.conf\nweird line without equals\n";
        assertEquals(odd + "netrc-file = /n\n", NixConf.parse(odd).set("netrc-file", "/n").text());
    }
}
