package dev.attic.http;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** The servlet suite in embedded Tomcat 11. */
class TomcatServletTest extends ServletContract {
    private Tomcat tomcat;

    @Override
    URI start(AtticServlet servlet) throws Exception {
        Path base = Files.createTempDirectory("attic-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        // Tomcat answers "100 Continue" before the servlet runs unless told to wait for the first read:
        // with onRead, an upload the servlet refuses (no token, say) is refused before its body is sent
        connector.setProperty("continueResponseTiming", "onRead");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "attic", servlet);
        context.addServletMappingDecoded("/*", "attic");
        tomcat.start();
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
