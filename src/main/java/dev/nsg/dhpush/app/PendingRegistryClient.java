package dev.nsg.dhpush.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import dev.nsg.dhpush.registry.RegistryClient;

/**
 * A registry client being opened on a background thread while the engine builds and pushes: starting the HTTP
 * client is a noticeable part of a JVM run and needs nothing from the build. Nothing is sent to the registry
 * before {@link #get()}; a failure to open is thrown there, where the verification would have met it anyway.
 */
final class PendingRegistryClient {

    private final CompletableFuture<RegistryClient> client;

    private PendingRegistryClient(CompletableFuture<RegistryClient> client) {
        this.client = client;
    }

    static PendingRegistryClient open(Supplier<RegistryClient> opener) {
        return new PendingRegistryClient(CompletableFuture.supplyAsync(opener, task -> {
            Thread thread = new Thread(task, "dhpush-registry-client");
            thread.setDaemon(true); // a failed build ends the run at once, whatever this thread is doing
            thread.start();
        }));
    }

    RegistryClient get() {
        try {
            return client.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
