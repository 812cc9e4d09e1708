package dev.nsg.dhpush.buildkit;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The first thing that went wrong on dhpush's side of a session (a file that could not be read while the daemon
 * waited for it): the daemon only reports that the transfer failed, so this says why.
 */
final class SessionFailures {

    private final AtomicReference<String> first = new AtomicReference<>();

    void add(String reason) {
        first.compareAndSet(null, reason);
    }

    String first() {
        return first.get();
    }
}
