package dev.attic.examples.server;

import dev.attic.AtticException;
import dev.attic.BackendException;
import dev.attic.BadInputException;
import dev.attic.ErrorCode;
import dev.attic.engine.Attic;
import dev.attic.http.AtticServlet;
import dev.attic.http.HttpSettings;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A running atticd: the engine behind {@link AtticServlet} in embedded Jetty, on the backends a
 * {@link ServerConfig} names, collecting garbage on its interval. {@link #close()} stops it
 * gracefully: Jetty lets requests in flight finish (up to 30 s), then the engine and the stores close.
 *
 * <pre>{@code
 * try (AtticServer server = AtticServer.start(ServerConfig.load(file, System.getenv()))) {
 *     System.out.println(server.uri());
 * }
 * }</pre>
 */
public final class AtticServer implements AutoCloseable {
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final Backends backends;
    private final Attic engine;
    private final Server jetty;
    private final ServerConnector connector;
    private final ServerConfig config;

    private AtticServer(ServerConfig config, Backends backends, Attic engine, Server jetty, ServerConnector connector) {
        this.config = config;
        this.backends = backends;
        this.engine = engine;
        this.jetty = jetty;
        this.connector = connector;
    }

    /**
     * Opens the backends and starts serving.
     *
     * @throws BackendException if a backend cannot be opened or the port cannot be bound
     */
    public static AtticServer start(ServerConfig config) {
        Backends backends = Backends.open(config);
        Attic engine = null;
        Server jetty = null;
        try {
            engine = backends.engine();
            if (!config.gcInterval().isZero()) {
                engine.scheduleGarbageCollection(config.gcInterval());
            }
            HttpSettings defaults = HttpSettings.defaults();
            HttpSettings settings = new HttpSettings(config.apiEndpoint(), config.maxNarInfoSize(), defaults.maxRequestJsonBytes(),
                    defaults.revealDeduplication());
            AtticServlet servlet = AtticServlet.builder(engine).settings(settings).build();

            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("atticd");
            jetty = new Server(threads);
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost(config.listen().host());
            connector.setPort(config.listen().port());
            connector.setIdleTimeout(120_000);
            jetty.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler("/");
            context.addServlet(new ServletHolder("attic", servlet), "/*");
            if (!config.allowedHosts().isEmpty()) {
                context.addFilter(new FilterHolder(new AllowedHosts(config.allowedHosts())), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
            }
            jetty.setHandler(new GracefulHandler(context));
            jetty.setStopTimeout(STOP_TIMEOUT_MILLIS);
            jetty.setStopAtShutdown(false);
            jetty.start();
            return new AtticServer(config, backends, engine, jetty, connector);
        } catch (Exception e) {
            stopQuietly(jetty, e);
            if (engine != null) {
                engine.close();
            }
            backends.close();
            if (e instanceof AtticException a) {
                throw a;
            }
            if (e instanceof IllegalArgumentException) {
                throw new BadInputException(ErrorCode.BAD_REQUEST, e.getMessage(), e);
            }
            throw new BackendException(ErrorCode.INTERNAL, "atticd cannot listen on " + config.listen() + ": " + e.getMessage(), false, e);
        }
    }

    /** The port it listens on (the one chosen, when the config said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The URL clients reach it at: the api-endpoint if set, else http://host:port/. */
    public URI uri() {
        return config.apiEndpoint().orElseGet(() -> URI.create("http://" + config.listen().urlHost() + ":" + port() + "/"));
    }

    /** The engine it serves (e.g. to run a collection now). */
    public Attic engine() {
        return engine;
    }

    public Backends backends() {
        return backends;
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops accepting, lets requests in flight finish, then closes the engine and the stores; idempotent. */
    @Override
    public synchronized void close() {
        if (jetty.isStopped()) {
            return;
        }
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new BackendException(ErrorCode.INTERNAL, "Jetty did not stop cleanly: " + e.getMessage(), false, e);
        } finally {
            try {
                engine.close();
            } finally {
                backends.close();
            }
        }
    }

    private static void stopQuietly(Server jetty, Exception cause) {
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
        }
    }
}
