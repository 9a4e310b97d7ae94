package dev.attic.http.bench;

import dev.attic.chunking.ChunkingSettings;
import dev.attic.http.AtticServlet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server under test: {@link AtticServlet} in embedded Jetty 12 on 127.0.0.1, over a fresh
 * {@link BenchEngine} in {@code dir}. Writes {@code dir/port} and {@code dir/token} (an admin
 * token), then serves until the process is stopped. Beside it, at {@code /_fixed/<n>}, a
 * {@link FixedBodyServlet} answers {@code n} bytes with no work: the container's own ceiling.
 *
 * <p>{@code java ... BenchServer DIR [MAX_THREADS]} (Jetty's default pool: 200 threads);
 * {@code -Dbench.referenceAware=true} turns reference-aware chunking on.
 */
public final class BenchServer {
    private BenchServer() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int maxThreads = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        BenchEngine engine = BenchEngine.create(dir, dir.resolve("storage"),
                ChunkingSettings.DEFAULT.withReferenceAware(Boolean.getBoolean("bench.referenceAware")));
        Server server = new Server(new QueuedThreadPool(maxThreads, Math.min(8, maxThreads)));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(AtticServlet.builder(engine.attic).build()), "/*");
        // the ceiling for the narinfo benchmark: a servlet that does nothing, beside ours (not in it)
        context.addServlet(new ServletHolder(new FixedBodyServlet()), "/_fixed/*");
        server.setHandler(context);
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
                engine.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        Files.writeString(dir.resolve("token.tmp"), engine.signedAdminToken(), StandardCharsets.UTF_8);
        Files.move(dir.resolve("token.tmp"), dir.resolve("token"));
        Files.writeString(dir.resolve("port.tmp"), Integer.toString(connector.getLocalPort()), StandardCharsets.UTF_8);
        Files.move(dir.resolve("port.tmp"), dir.resolve("port"));
        System.out.println("BenchServer on http://127.0.0.1:" + connector.getLocalPort() + "/" + BenchEngine.CACHE
                + " (max " + maxThreads + " threads, " + Runtime.getRuntime().availableProcessors() + " CPUs, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)");
        stopped.await();
    }
}
