package dev.attic.examples;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

/**
 * The one runnable jar's entry point: {@code java -jar attic.jar atticd|atticadm|attic ARGS...}
 * runs that program with the remaining arguments.
 */
public final class Main {
    private static final Map<String, String> PROGRAMS = Map.of(
            "atticd", "dev.attic.examples.server.Atticd",
            "atticadm", "dev.attic.examples.admin.Atticadm",
            "attic", "dev.attic.examples.client.Attic");

    private Main() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0 || !PROGRAMS.containsKey(args[0])) {
            System.err.println("usage: java -jar attic.jar atticd|atticadm|attic [ARGS...]   (each takes --help)");
            System.err.println("  atticd     the server; with no config it starts on a data directory of its own");
            System.err.println("  atticadm   tokens, garbage collection, chunk checks, database migration");
            System.err.println("  attic      the client: login, create caches, push");
            System.exit(args.length == 0 || args[0].equals("--help") || args[0].equals("-h") ? 0 : 2);
            return;
        }
        Method main;
        try {
            main = Class.forName(PROGRAMS.get(args[0])).getMethod("main", String[].class);
        } catch (ClassNotFoundException e) {
            System.err.println(args[0] + " is not part of this build");
            System.exit(2);
            return;
        }
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
