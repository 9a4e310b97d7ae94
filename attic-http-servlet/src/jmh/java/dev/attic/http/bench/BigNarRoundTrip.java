package dev.attic.http.bench;

import dev.attic.nix.Hash;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Memory: a NAR of {@code SIZE} bytes (one generated file, half of its 4 KiB blocks repeated),
 * never held anywhere, uploaded over HTTP ({@code PUT /_api/v1/upload-path}) to a running
 * {@link BenchServer}, then downloaded and hashed on the fly. Prints the server's peak RSS
 * ({@code VmHWM}) after each phase.
 *
 * <p>{@code BigNarRoundTrip BASE_URL TOKEN_FILE SIZE SERVER_PID}
 */
public final class BigNarRoundTrip {
    private static final double MIB = 1024.0 * 1024.0;

    private BigNarRoundTrip() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String token = Files.readString(Path.of(args[1])).strip();
        long size = Long.parseLong(args[2]);
        long serverPid = Long.parseLong(args[3]);
        GeneratedNar nar = new GeneratedNar(size, 4, true);
        long t0 = System.nanoTime();
        GeneratedNar.Sized sized = nar.hash();
        Hash narHash = new Hash(sized.sha256());
        System.out.printf("generated NAR: %d bytes, %s (hashing it took %.1f s)%n", sized.narSize(), narHash,
                (System.nanoTime() - t0) / 1e9);

        String storePath = "/nix/store/cccccccccccccccccccccccccccccccc-big-nar";
        String info = "{\"cache\":\"" + BenchEngine.CACHE + "\",\"store_path_hash\":\"cccccccccccccccccccccccccccccccc\","
                + "\"store_path\":\"" + storePath + "\",\"references\":[],\"system\":\"x86_64-linux\",\"sigs\":[],"
                + "\"nar_hash\":\"" + narHash + "\",\"nar_size\":" + sized.narSize() + "}";
        HttpURLConnection put = (HttpURLConnection) base.resolve("_api/v1/upload-path").toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setFixedLengthStreamingMode(sized.narSize());
        put.setConnectTimeout(10_000);
        put.setReadTimeout(600_000);
        put.setRequestProperty("Authorization", "Bearer " + token);
        put.setRequestProperty("X-Attic-Nar-Info", info);
        put.setRequestProperty("Content-Type", "application/octet-stream");
        long u0 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(put.getOutputStream(), 1 << 16)) {
            nar.writeTo(out);
        }
        int status = put.getResponseCode();
        String body = new String((status < 400 ? put.getInputStream() : put.getErrorStream()).readAllBytes(), StandardCharsets.UTF_8);
        double upload = (System.nanoTime() - u0) / 1e9;
        System.out.printf("upload: HTTP %d %s in %.1f s (%.0f MiB/s); server VmHWM %s%n", status, body, upload,
                sized.narSize() / MIB / upload, vmHwm(serverPid));
        if (status != 200) {
            System.out.println("RESULT memory: upload FAILED");
            System.exit(1);
        }

        HttpURLConnection get = (HttpURLConnection) base.resolve(BenchEngine.CACHE + "/nar/cccccccccccccccccccccccccccccccc.nar")
                .toURL().openConnection();
        get.setConnectTimeout(10_000);
        get.setReadTimeout(600_000);
        long d0 = System.nanoTime();
        MessageDigest sha = GeneratedNar.sha256();
        long received = 0;
        try (InputStream in = get.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                received += n;
            }
        }
        double download = (System.nanoTime() - d0) / 1e9;
        boolean same = Arrays.equals(sha.digest(), sized.sha256()) && received == sized.narSize();
        System.out.printf("download: HTTP %d, %d bytes in %.1f s (%.0f MiB/s), NarHash %s; server VmHWM %s%n",
                get.getResponseCode(), received, download, received / MIB / download, same ? "matches" : "DIFFERS", vmHwm(serverPid));
        System.out.printf("RESULT memory: %.2f GiB NAR %s: upload %.1f s (%.0f MiB/s), download %.1f s (%.0f MiB/s), server peak RSS %s%n",
                sized.narSize() / (MIB * 1024), same ? "round trip OK" : "round trip FAILED", upload, sized.narSize() / MIB / upload,
                download, received / MIB / download, vmHwm(serverPid));
        if (!same) {
            System.exit(1);
        }
    }

    private static String vmHwm(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring("VmHWM:".length()).strip();
            }
        }
        return "?";
    }
}
