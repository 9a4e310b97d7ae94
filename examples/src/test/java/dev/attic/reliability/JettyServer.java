package dev.attic.reliability;

import dev.attic.http.AtticServlet;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The servlet in embedded Jetty on a loopback port, for the process-level tests. */
final class JettyServer implements AutoCloseable {
    private final Server server = new Server();
    private final URI base;

    JettyServer(AtticServlet servlet, int port) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(servlet), "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    URI base() {
        return base;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
