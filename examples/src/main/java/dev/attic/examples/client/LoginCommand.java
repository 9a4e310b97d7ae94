package dev.attic.examples.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code attic login NAME URL [TOKEN]}: remembers a server and its token in the client's config. */
@Command(name = "login", description = "Log in to an Attic server: remember its URL and token under a name.")
final class LoginCommand implements Callable<Integer> {
    @ParentCommand
    Attic attic;

    @Parameters(index = "0", paramLabel = "NAME", description = "A name for the server, used as NAME:CACHE.")
    String name;

    @Parameters(index = "1", paramLabel = "URL", description = "The server's endpoint, e.g. https://cache.example.com/.")
    String endpoint;

    @Parameters(index = "2", paramLabel = "TOKEN", arity = "0..1", description = "The access token (none: anonymous).")
    String token;

    @Option(names = "--set-default", description = "Make this the default server.")
    boolean setDefault;

    @Override
    public Integer call() {
        ClientConfig config = attic.config();
        ServerConfig server = ServerConfig.of(endpoint, token);
        boolean existed = config.servers().containsKey(name);
        ClientConfig updated = config.withServer(name, server, setDefault);
        updated.save(attic.configFile());
        attic.out.println((existed ? "Updated" : "Configured") + " server \"" + name + "\" (" + server.endpoint() + ")"
                + (server.token().isPresent() ? " with a token" : " without a token (anonymous)")
                + (updated.defaultServer().orElse("").equals(name) ? "; it is the default server." : "."));
        return Attic.OK;
    }
}
