package dev.attic.examples.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code attic use CACHE}: configures the user's Nix to substitute from a cache, as upstream does:
 * the cache's substituter and public key go first in {@code substituters} and
 * {@code trusted-public-keys} of {@code ~/.config/nix/nix.conf}, the token into
 * {@code ~/.config/nix/netrc} (named by {@code netrc-file}). Running it twice changes nothing.
 */
@Command(name = "use", description = "Configure Nix to use a binary cache (edits ~/.config/nix/nix.conf and netrc).")
final class UseCommand implements Callable<Integer> {
    @ParentCommand
    Attic attic;

    @Parameters(paramLabel = "CACHE", description = "The cache: CACHE or SERVER:CACHE.")
    String cache;

    @Override
    public Integer call() {
        Attic.Target target = attic.target(cache);
        CacheConfig config = target.api().cacheConfig(target.cache());
        String substituter = config.substituterEndpoint().orElseThrow(
                () -> new ClientException("the server did not say where the binary cache endpoint is"));
        String publicKey = config.publicKey().orElseThrow(() -> new ClientException("the server did not say which public key it uses"));

        attic.out.println("Configuring Nix to use " + target.describe() + ":");
        attic.out.println("+ Substituter: " + substituter);
        attic.out.println("+ Trusted Public Key: " + publicKey);
        Path nixConfFile = NixConf.path(attic.env);
        NixConf nixConf = NixConf.load(nixConfFile)
                .addToList("substituters", substituter, NixConf.CACHE_NIXOS_ORG)
                .addToList("trusted-public-keys", publicKey, NixConf.CACHE_NIXOS_ORG_KEY);
        if (target.server().token().isPresent()) {
            attic.out.println("+ Access Token");
            Path netrcFile = Netrc.path(attic.env);
            String host = URI.create(substituter).getHost();
            Netrc.load(netrcFile).setPassword(host, target.server().token().get()).save(netrcFile);
            nixConf.set("netrc-file", netrcFile.toAbsolutePath().toString());
        }
        nixConf.save(nixConfFile);
        return Attic.OK;
    }
}
