package dev.nsg.dhpush.app;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Changes to the engine's local tags that belong together (pointing every tag of a run at one image). A Ctrl-C lets
 * them finish before the process stops, so no run leaves its tags half moved. Process-wide on purpose: a signal is.
 */
public final class LocalChanges {

    private static final ReentrantLock LOCK = new ReentrantLock();

    private LocalChanges() {
    }

    static void run(Runnable changes) {
        LOCK.lock();
        try {
            changes.run();
        } finally {
            LOCK.unlock();
        }
    }

    /** Waits, at most {@code limit}, for changes under way to finish; true when none is under way any more. */
    public static boolean awaitQuiet(Duration limit) {
        try {
            if (LOCK.tryLock(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                LOCK.unlock();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
