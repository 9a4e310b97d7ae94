package dev.attic.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.io.CountingOutputStream;
import dev.attic.AtticException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.NotFoundException;
import dev.attic.auth.Permission;
import dev.attic.cache.CacheName;
import dev.attic.engine.Attic;
import dev.attic.engine.CacheInfo;
import dev.attic.engine.Caller;
import dev.attic.engine.NarDecoder;
import dev.attic.engine.NarDownload;
import dev.attic.engine.UploadPathInfo;
import dev.attic.engine.UploadResult;
import dev.attic.narinfo.NarInfo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tukaani.xz.XZInputStream;

/**
 * One servlet for all of Attic over HTTP: the Nix binary cache protocol a plain {@code nix}
 * substitutes from and pushes to ({@code nix copy --to http://host/<cache>}), and the Attic API v1
 * that upstream Attic's client speaks. Map it at {@code /*}:
 *
 * <pre>{@code
 * AtticServlet servlet = AtticServlet.builder(attic).build();
 * context.addServlet(new ServletHolder(servlet), "/*");       // Jetty
 * Tomcat.addServlet(context, "attic", servlet).addMapping("/*"); // Tomcat
 * }</pre>
 *
 * Bodies stream in both directions with bounded memory. A NAR response that fails after its first
 * byte is aborted (the container drops the connection), never ended as if complete.
 */
public final class AtticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String NAR_INFO_TYPE = "text/x-nix-narinfo";
    private static final String CACHE_INFO_TYPE = "text/x-nix-cache-info";
    private static final String NAR_TYPE = "application/x-nix-nar";

    private final transient Attic attic;
    private final transient HttpSettings settings;
    private final transient HttpMetrics metrics;
    private final transient ObjectMapper json = ApiMessages.mapper();
    /**
     * The text of narinfos the engine served, by identity: the engine hands out the same immutable
     * {@link NarInfo} again while nothing it is made of changed, so its text is rendered once.
     */
    private final transient Cache<NarInfo, byte[]> renderedNarInfos = CacheBuilder.newBuilder()
            .weakKeys().maximumSize(4096).build();
    private final transient NarDecoder decoder = NarDecoder.standard().or("xz", (c, in) -> new XZInputStream(in));

    private AtticServlet(Attic attic, HttpSettings settings, MeterRegistry registry) {
        this.attic = attic;
        this.settings = settings;
        this.metrics = new HttpMetrics(registry);
    }

    /** A servlet over an engine; the engine stays the caller's to close. */
    public static Builder builder(Attic attic) {
        return new Builder(attic);
    }

    /** Builds an {@link AtticServlet}. */
    public static final class Builder {
        private final Attic attic;
        private HttpSettings settings = HttpSettings.defaults();
        private MeterRegistry registry;

        private Builder(Attic attic) {
            this.attic = Objects.requireNonNull(attic, "attic");
        }

        /** Endpoint and size limits. Default: {@link HttpSettings#defaults()}. */
        public Builder settings(HttpSettings value) { settings = Objects.requireNonNull(value, "settings"); return this; }

        /**
         * Where metrics go. A {@link PrometheusMeterRegistry} is also served at {@code /_metrics}.
         * Default: a new Prometheus registry.
         */
        public Builder metrics(MeterRegistry value) { registry = Objects.requireNonNull(value, "metrics"); return this; }

        public AtticServlet build() {
            return new AtticServlet(attic, settings,
                    registry != null ? registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long start = System.nanoTime();
        Route route = Route.parse(rawPath(request));
        try {
            dispatch(route, request, response);
        } catch (AtticException e) {
            if (response.isCommitted()) {
                // Bytes already left: only a dropped connection tells the client the body is short.
                throw new IOException("aborting a response after its start: " + e.getMessage(), e);
            }
            ErrorResponses.send(response, json, e);
        } catch (JsonProcessingException e) {
            ErrorResponses.send(response, json, new BadInputException(ErrorCode.BAD_REQUEST,
                    "malformed JSON: " + e.getOriginalMessage()));
        } catch (RuntimeException e) {
            // a bug: logged in full, answered as a plain 500 (or the response is aborted)
            System.getLogger(AtticServlet.class.getName()).log(System.Logger.Level.ERROR,
                    "unexpected failure on " + request.getMethod() + " " + route.label(), e);
            if (response.isCommitted()) {
                throw new IOException("aborting a response after its start", e);
            }
            ErrorResponses.send(response, json, 500, ErrorCode.INTERNAL.wireName(), "internal server error");
        } finally {
            metrics.request(route, request.getMethod(), response.getStatus(), System.nanoTime() - start);
        }
    }

    private void dispatch(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        switch (route.kind()) {
            case HEALTH -> {
                if (only(method, response, "GET", "HEAD")) {
                    sendText(response, method, "application/json", "{\"status\":\"ok\"}\n");
                }
            }
            case METRICS -> {
                if (!(metrics.registry() instanceof PrometheusMeterRegistry prometheus)) {
                    throw new NotFoundException(ErrorCode.NO_SUCH_OBJECT, "metrics are not served by this server");
                }
                if (only(method, response, "GET")) {
                    sendText(response, method, "text/plain; version=0.0.4; charset=utf-8", prometheus.scrape());
                }
            }
            case NIX_CACHE_INFO -> {
                if (only(method, response, "GET", "HEAD", "PUT")) {
                    Caller caller = caller(request);
                    if (method.equals("PUT")) {
                        // nix copy --to writes one when it cannot read it (say, with a push-only token):
                        // the cache's own is what counts, so accept the write from a pusher and keep it
                        attic.authorize(caller, cache(route), Permission.PUSH);
                        sendJson(response, Map.of());
                    } else {
                        sendText(response, method, CACHE_INFO_TYPE, attic.nixCacheInfo(caller, cache(route)).render());
                    }
                }
            }
            case ATTIC_CACHE_INFO -> {
                if (only(method, response, "GET")) {
                    sendJson(response, cacheConfig(request, attic.cacheInfo(caller(request), cache(route))));
                }
            }
            case NAR_INFO -> narInfo(route, request, response);
            case NAR -> nar(route, request, response);
            case MISSING_PATHS -> {
                if (only(method, response, "POST")) {
                    missingPaths(request, response);
                }
            }
            case UPLOAD_PATH -> {
                if (only(method, response, "PUT")) {
                    uploadPath(request, response);
                }
            }
            case CACHE_CONFIG -> cacheConfig(route, request, response);
            case NOT_FOUND -> ErrorResponses.send(response, json, 404, "NotFound", "no such route");
        }
    }

    // ---- the binary cache protocol ----

    private void narInfo(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!only(method, response, "GET", "HEAD", "PUT")) {
            return;
        }
        Caller caller = caller(request);
        CacheName cache = cache(route);
        if (method.equals("PUT")) {
            attic.authorize(caller, cache, Permission.PUSH); // before reading a byte of the body
            byte[] body = BoundedBody.readAll(counted(request), settings.maxNarInfoBytes(), "the narinfo");
            String text = new String(body, StandardCharsets.UTF_8);
            NarInfo narInfo = NarInfo.parse(text, storeDirOf(text));
            long start = System.nanoTime();
            UploadResult result = attic.uploadNarInfo(caller, cache, route.name(), narInfo, decoder);
            metrics.upload(result, narInfo.narSize(), System.nanoTime() - start);
            sendJson(response, uploadResult(result, settings.revealDeduplication()));
            return;
        }
        NarInfo served = attic.narInfo(caller, cache, route.name());
        byte[] body = renderedNarInfos.getIfPresent(served);
        if (body == null) {
            body = served.render().getBytes(StandardCharsets.UTF_8);
            renderedNarInfos.put(served, body);
        }
        sendBytes(response, method, NAR_INFO_TYPE, body);
    }

    private void nar(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!only(method, response, "GET", "HEAD", "PUT")) {
            return;
        }
        Caller caller = caller(request);
        CacheName cache = cache(route);
        String file = route.name();
        if (method.equals("PUT")) {
            attic.stageNarFile(caller, cache, file, counted(request), request.getContentLengthLong());
            sendJson(response, Map.of());
            return;
        }
        boolean compressed = file.endsWith(".nar.zst");
        String storePathHash = file.substring(0, Math.max(0, file.indexOf('.')));
        if ((!compressed && !file.endsWith(".nar")) || storePathHash.length() != dev.attic.nix.StorePathHash.LENGTH) {
            // also what Nix asks (HEAD nar/<file hash>.nar.zst) before it PUTs a file: not here, so it uploads
            throw new NotFoundException(ErrorCode.NO_SUCH_OBJECT, "no such NAR file: " + file);
        }
        long start = System.nanoTime();
        NarDownload nar = attic.nar(caller, cache, storePathHash, compressed);
        Optional<URI> redirect = nar.redirect();
        if (redirect.isPresent()) {
            response.setStatus(307);
            response.setHeader("Location", redirect.get().toString());
            return;
        }
        response.setStatus(200);
        response.setContentType(NAR_TYPE);
        response.setContentLengthLong(nar.narSize());
        if (method.equals("HEAD")) {
            return;
        }
        CountingOutputStream out = new CountingOutputStream(response.getOutputStream());
        try {
            nar.writeTo(out);
            out.flush();
        } finally {
            metrics.sent(out.getCount());
            metrics.download(System.nanoTime() - start);
        }
    }

    // ---- the Attic API v1 ----

    private void missingPaths(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = requireToken(request);
        var body = json.readValue(BoundedBody.readAll(counted(request), settings.maxRequestJsonBytes(), "the request"),
                ApiMessages.GetMissingPathsRequest.class);
        CacheName cache = CacheName.of(required(body.cache(), "cache"));
        List<String> missing = attic.missingPaths(caller, cache, required(body.storePathHashes(), "store_path_hashes"));
        sendJson(response, new ApiMessages.GetMissingPathsResponse(missing));
    }

    private void uploadPath(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = requireToken(request);
        InputStream body = counted(request);
        byte[] description;
        String header = request.getHeader("X-Attic-Nar-Info");
        String preamble = request.getHeader("X-Attic-Nar-Info-Preamble-Size");
        if (preamble != null) {
            int size;
            try {
                size = Integer.parseInt(preamble.strip());
            } catch (NumberFormatException e) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "X-Attic-Nar-Info-Preamble-Size is not a number");
            }
            if (size < 1 || size > settings.maxNarInfoBytes()) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, "X-Attic-Nar-Info-Preamble-Size must be 1 to "
                        + settings.maxNarInfoBytes() + " bytes, got " + size);
            }
            description = BoundedBody.readExactly(body, size, "the NAR info preamble");
        } else if (header != null) {
            description = header.getBytes(StandardCharsets.UTF_8);
        } else {
            throw new BadInputException(ErrorCode.BAD_REQUEST,
                    "an upload needs its description in X-Attic-Nar-Info or X-Attic-Nar-Info-Preamble-Size");
        }
        var info = json.readValue(description, ApiMessages.UploadPathNarInfo.class);
        CacheName cache = CacheName.of(required(info.cache(), "cache"));
        UploadPathInfo upload = new UploadPathInfo(
                required(info.storePathHash(), "store_path_hash"),
                required(info.storePath(), "store_path"),
                info.references() == null ? List.of() : info.references(),
                Optional.ofNullable(info.deriver()).filter(d -> !d.isEmpty()),
                info.sigs() == null ? List.of() : info.sigs(),
                Optional.ofNullable(info.ca()).filter(c -> !c.isEmpty()),
                Optional.ofNullable(info.system()),
                required(info.narHash(), "nar_hash"),
                info.narSize());
        long start = System.nanoTime();
        UploadResult result = attic.upload(caller, cache, upload, body);
        metrics.upload(result, info.narSize(), System.nanoTime() - start);
        sendJson(response, uploadResult(result, settings.revealDeduplication()));
    }

    private void cacheConfig(Route route, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!only(method, response, "GET", "POST", "PATCH", "DELETE")) {
            return;
        }
        Caller caller = caller(request);
        CacheName cache = cache(route);
        switch (method) {
            case "GET" -> sendJson(response, cacheConfig(request, attic.cacheInfo(caller, cache)));
            case "POST" -> {
                requireToken(request);
                JsonNode body = json.readTree(BoundedBody.readAll(counted(request), settings.maxRequestJsonBytes(), "the request"));
                attic.createCache(caller, cache, CacheConfigJson.createPatch(body));
                sendJson(response, Map.of());
            }
            case "PATCH" -> {
                requireToken(request);
                JsonNode body = json.readTree(BoundedBody.readAll(counted(request), settings.maxRequestJsonBytes(), "the request"));
                attic.configureCache(caller, cache, CacheConfigJson.configurePatch(body));
                sendJson(response, Map.of());
            }
            default -> {
                attic.destroyCache(caller, cache, false);
                sendJson(response, Map.of());
            }
        }
    }

    private Map<String, Object> cacheConfig(HttpServletRequest request, CacheInfo info) {
        URI base = settings.apiEndpoint().orElseGet(() -> requestBase(request));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("substituter_endpoint", base.resolve(info.name().value()).toString());
        config.put("api_endpoint", base.toString());
        config.putAll(CacheConfigJson.describe(info));
        return config;
    }

    // ---- plumbing ----

    private Caller caller(HttpServletRequest request) {
        return attic.authenticate(Credentials.token(request));
    }

    /**
     * The caller of a route that no anonymous caller may use: refused before its body is read, so
     * that nobody without a token makes the server read and parse megabytes.
     */
    private Caller requireToken(HttpServletRequest request) {
        Caller caller = caller(request);
        if (caller.token().isEmpty()) {
            throw new dev.attic.AccessDeniedException(ErrorCode.UNAUTHORIZED, "unauthorized");
        }
        return caller;
    }

    private static CacheName cache(Route route) {
        return CacheName.of(route.cache());
    }

    private InputStream counted(HttpServletRequest request) throws IOException {
        return new ReceivedBytes(request.getInputStream(), metrics);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new BadInputException(ErrorCode.BAD_REQUEST, "the request lacks the field " + field);
        }
        return value;
    }

    private static Map<String, Object> uploadResult(UploadResult result, boolean reveal) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (reveal) {
            body.put("kind", result.kind().wireName());
            body.put("file_size", result.fileSize());
            body.put("frac_deduplicated", result.fractionDeduplicated());
        } else {
            // what this cache held is the tenant's own business; what other caches hold is not
            body.put("kind", (result.alreadyInCache() ? UploadResult.Kind.DEDUPLICATED : UploadResult.Kind.UPLOADED).wireName());
        }
        return body;
    }

    /** The store directory a narinfo's StorePath line names, so a custom store dir parses too. */
    private static String storeDirOf(String narInfo) {
        for (String line : narInfo.split("\n", 64)) {
            if (line.startsWith("StorePath: ")) {
                String path = line.substring("StorePath: ".length());
                int slash = path.lastIndexOf('/');
                if (slash > 0) {
                    return path.substring(0, slash);
                }
            }
        }
        throw new BadInputException(ErrorCode.INVALID_NAR_INFO, "narinfo has no StorePath field");
    }

    private static URI requestBase(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String host = request.getServerName();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create(scheme + "://" + host + (defaultPort ? "" : ":" + port)
                + request.getContextPath() + request.getServletPath() + "/");
    }

    private static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + request.getServletPath();
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
    }

    private boolean only(String method, HttpServletResponse response, String... allowed) throws IOException {
        for (String a : allowed) {
            if (a.equals(method)) {
                return true;
            }
        }
        response.setHeader("Allow", String.join(", ", allowed));
        ErrorResponses.send(response, json, 405, "MethodNotAllowed", method + " is not allowed here");
        return false;
    }

    private void sendJson(HttpServletResponse response, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void sendText(HttpServletResponse response, String method, String type, String text) throws IOException {
        sendBytes(response, method, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpServletResponse response, String method, String type, byte[] bytes) throws IOException {
        response.setStatus(200);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        if (!method.equals("HEAD")) {
            OutputStream out = response.getOutputStream();
            out.write(bytes);
        }
    }
}
