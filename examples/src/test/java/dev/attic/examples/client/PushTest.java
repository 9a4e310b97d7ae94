package dev.attic.examples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attic.narinfo.NarInfo;
import dev.attic.nix.Hash;
import dev.attic.signing.PublicKey;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attic push} of real store paths, read by the real Nix, to a real server. */
class PushTest {
    @TempDir
    Path dir;

    private TestServer server;
    private ClientRun client;
    /** Uploads to refuse with a 503 before the servlet sees them. */
    private final AtomicInteger failNextUploads = new AtomicInteger();
    private final AtomicInteger uploadRequests = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        LocalNix.require();
        Filter faults = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            if (http.getRequestURI().equals("/_api/v1/upload-path")) {
                uploadRequests.incrementAndGet();
                if (failNextUploads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    http.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    HttpServletResponse answer = (HttpServletResponse) response;
                    answer.setStatus(503);
                    answer.setContentType("application/json");
                    answer.getWriter().write("{\"code\":503,\"error\":\"InternalServerError\",\"message\":\"injected fault\"}");
                    return;
                }
            }
            chain.doFilter(request, response);
        };
        server = new TestServer(dir.resolve("server"), faults);
        client = new ClientRun(dir.resolve("home"));
        assertEquals(0, client.attic("login", "main", server.endpoint.toString(), server.adminToken()).code());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void assertServedAsNixHasIt(String cache, String path) throws Exception {
        JsonNode info = new ObjectMapper().readTree(LocalNix.run("nix", "path-info", "--json", path)).get(0);
        String hash = Path.of(path).getFileName().toString().substring(0, 32);
        HttpResponse<byte[]> response = server.get(cache + "/" + hash + ".narinfo");
        assertEquals(200, response.statusCode(), path);
        NarInfo narInfo = NarInfo.parse(new String(response.body(), StandardCharsets.UTF_8));
        assertEquals(path, narInfo.storePath().toString());
        assertEquals(Hash.parse(info.get("narHash").asText()), narInfo.narHash());
        assertEquals(info.get("narSize").asLong(), narInfo.narSize());
        List<String> references = narInfo.references().stream().map(Object::toString).sorted().toList();
        List<String> expected = new java.util.ArrayList<>();
        info.get("references").forEach(r -> expected.add(r.asText()));
        assertEquals(expected.stream().sorted().toList(), references, "references of " + path);
        if (info.hasNonNull("deriver")) {
            assertEquals(info.get("deriver").asText(), narInfo.deriver().orElseThrow().toString());
        }
        assertTrue(narInfo.isSignedByAny(List.of(PublicKey.parse(server.cacheConfig(cache).get("public_key").asText()))));
        HttpResponse<byte[]> nar = server.get(cache + "/nar/" + hash + ".nar");
        assertEquals(200, nar.statusCode());
        assertEquals(Hash.parse(info.get("narHash").asText()), Hash.sha256Of(nar.body()));
    }

    @Test
    void pushesTheClosureThenASecondPushUploadsNothing() throws Exception {
        String top = LocalNix.oracleTop();
        List<String> closure = LocalNix.closureHashes(top);
        assertEquals(0, client.attic("cache", "create", "oracle").code());
        assertEquals(closure.size(), server.missing("oracle", closure).size());

        ClientRun.Result pushed = client.attic("push", "oracle", top);
        assertEquals(0, pushed.code(), pushed.toString());
        assertEquals(List.of(), server.missing("oracle", closure));
        assertTrue(pushed.out().contains("Pushing " + closure.size() + " paths"), pushed.toString());
        assertTrue(pushed.out().contains("Pushed " + closure.size() + " paths"), pushed.toString());
        assertTrue(pushed.out().matches("(?s).*Pushed 5 paths \\(2.5 KiB\\) in [0-9.]+ s, [0-9.]+ (B|KiB|MiB)/s, 0% deduplicated.*"), pushed.toString());
        assertTrue(pushed.out().contains("deduplicated"), pushed.toString());
        for (String line : LocalNix.run("nix-store", "--query", "--requisites", top).split("\n")) {
            assertServedAsNixHasIt("oracle", line.strip());
        }

        int uploadsBefore = uploadRequests.get();
        ClientRun.Result again = client.attic("push", "oracle", top);
        assertEquals(0, again.code(), again.toString());
        assertEquals(uploadsBefore, uploadRequests.get(), "nothing uploaded the second time");
        assertTrue(again.out().contains("Nothing to push"), again.toString());
        assertTrue(again.out().contains(closure.size() + " already cached"), again.toString());
    }

    @Test
    void pushesPathsReadFromStdinInBatches() throws Exception {
        String top = LocalNix.oracleTop();
        String fresh = LocalNix.buildUniquePath("attic-client-stdin");
        List<String> closure = LocalNix.closureHashes(top);
        assertEquals(0, client.attic("cache", "create", "piped").code());

        ClientRun.Result pushed = client.withStdin(top + "\n\n/nonexistent/path\n" + fresh + "\n" + top + "\n",
                "push", "piped", "--stdin");
        assertEquals(1, pushed.code(), "the bad line counts as a failure: " + pushed);
        assertTrue(pushed.err().contains("/nonexistent/path: '/nonexistent/path' does not exist"), pushed.toString());
        assertEquals(List.of(), server.missing("piped", closure));
        String freshHash = Path.of(fresh).getFileName().toString().substring(0, 32);
        assertEquals(List.of(), server.missing("piped", List.of(freshHash)));
        assertTrue(pushed.out().contains("Pushed " + (closure.size() + 1) + " paths"), pushed.toString());
        assertServedAsNixHasIt("piped", fresh);
    }

    @Test
    void skipsPathsSignedByAnUpstreamKeyUnlessToldNotTo() throws Exception {
        String signed = LocalNix.buildUniquePath("attic-client-upstream");
        LocalNix.sign(signed, "upstream-test-1", dir);
        String hash = Path.of(signed).getFileName().toString().substring(0, 32);
        assertEquals(0, client.attic("cache", "create", "filtered", "--upstream-cache-key-name", "upstream-test-1").code());

        ClientRun.Result skipped = client.attic("push", "filtered", signed);
        assertEquals(0, skipped.code(), skipped.toString());
        assertEquals(List.of(hash), server.missing("filtered", List.of(hash)), "not pushed");
        assertTrue(skipped.out().contains("1 signed by an upstream cache"), skipped.toString());

        ClientRun.Result forced = client.attic("push", "filtered", signed, "--ignore-upstream-cache-filter");
        assertEquals(0, forced.code(), forced.toString());
        assertEquals(List.of(), server.missing("filtered", List.of(hash)));
        String narInfo = new String(server.get("filtered/" + hash + ".narinfo").body(), StandardCharsets.UTF_8);
        assertTrue(narInfo.contains("Sig: upstream-test-1:"), "the uploader's signature is kept:\n" + narInfo);
    }

    @Test
    void retriesAnUploadAfterATransientFailure() throws Exception {
        String fresh = LocalNix.buildUniquePath("attic-client-retry");
        String hash = Path.of(fresh).getFileName().toString().substring(0, 32);
        assertEquals(0, client.attic("cache", "create", "flaky").code());
        failNextUploads.set(2);

        ClientRun.Result pushed = client.attic("push", "flaky", fresh);
        assertEquals(0, pushed.code(), pushed.toString());
        assertEquals(3, uploadRequests.get(), "two refused, the third accepted");
        assertEquals(List.of(), server.missing("flaky", List.of(hash)));
        assertTrue(pushed.out().contains("injected fault"), "the retry is shown: " + pushed);
    }

    @Test
    void givesUpAfterTheRetriesAndNamesThePathThatFailed() throws Exception {
        String fresh = LocalNix.buildUniquePath("attic-client-giveup");
        assertEquals(0, client.attic("cache", "create", "down").code());
        failNextUploads.set(100);

        ClientRun.Result pushed = client.attic("push", "down", fresh, "--retries", "2");
        assertEquals(1, pushed.code(), pushed.toString());
        assertEquals(3, uploadRequests.get(), "one attempt and two retries");
        assertTrue(pushed.err().contains("1 path failed"), pushed.toString());
        assertTrue(pushed.err().contains(fresh + ": 503 InternalServerError: injected fault (after 3 attempts)"), pushed.toString());
    }

    @Test
    void doesNotRetryARefusalAndNamesEachFailedPath() throws Exception {
        String top = LocalNix.oracleTop();
        // a cache of another store directory refuses every /nix/store path (400 InvalidStorePath)
        assertEquals(0, client.attic("cache", "create", "elsewhere", "--store-dir", "/other/store").code());

        ClientRun.Result pushed = client.attic("push", "elsewhere", top, "--jobs", "2");
        assertEquals(1, pushed.code(), pushed.toString());
        List<String> closure = LocalNix.closureHashes(top);
        assertEquals(closure.size(), uploadRequests.get(), "one attempt per path: a 400 is not retried");
        assertTrue(pushed.err().contains(closure.size() + " paths failed"), pushed.toString());
        for (String line : LocalNix.run("nix-store", "--query", "--requisites", top).split("\n")) {
            assertTrue(pushed.err().contains(line.strip() + ": 400 "), line + " named in:\n" + pushed);
        }
        assertFalse(pushed.err().contains("Exception"), pushed.toString());
    }

    @Test
    void refusesWhatIsNotInTheStoreBeforeAskingNix() throws Exception {
        assertEquals(0, client.attic("cache", "create", "c").code());
        ClientRun.Result missing = client.attic("push", "c", "/nix/store/00000000000000000000000000000000-missing");
        assertEquals(2, missing.code(), missing.toString());
        assertTrue(missing.err().contains("'/nix/store/00000000000000000000000000000000-missing' does not exist"), missing.toString());

        Path outside = java.nio.file.Files.writeString(dir.resolve("not-in-store.txt"), "x");
        ClientRun.Result notInStore = client.attic("push", "c", outside.toString());
        assertEquals(2, notInStore.code(), notInStore.toString());
        assertTrue(notInStore.err().contains("is not in the Nix store /nix/store"), notInStore.toString());
        assertEquals(0, uploadRequests.get());
    }

    @Test
    void pushesTheStorePathOfALinkOrOfAFileInside() throws Exception {
        String top = LocalNix.oracleTop();
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("result"), Path.of(top));
        assertEquals(0, client.attic("cache", "create", "linked").code());
        ClientRun.Result pushed = client.attic("push", "linked", link.toString(), "--no-closure");
        assertEquals(0, pushed.code(), pushed.toString());
        String hash = Path.of(top).getFileName().toString().substring(0, 32);
        assertEquals(List.of(), server.missing("linked", List.of(hash)));
        assertEquals(1, uploadRequests.get(), "--no-closure: the path alone");
    }

    @Test
    void drawsAProgressBarPerPathOnATerminal() throws Exception {
        String first = LocalNix.buildUniquePath("attic-client-bar-one");
        String second = LocalNix.buildUniquePath("attic-client-bar-two");
        assertEquals(0, client.attic("cache", "create", "bars").code());
        ClientRun.Result pushed = client.run(new java.io.ByteArrayInputStream(new byte[0]), true, "push", "bars", first, second);
        assertEquals(0, pushed.code(), pushed.toString());
        assertTrue(pushed.err().contains("attic-client-bar-one") && pushed.err().contains("attic-client-bar-two"), pushed.toString());
        assertTrue(pushed.err().contains("% deduplicated"), pushed.toString());
        assertTrue(pushed.out().contains("Pushed 2 paths"), pushed.toString());
    }
}
