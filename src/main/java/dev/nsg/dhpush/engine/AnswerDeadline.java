package dev.nsg.dhpush.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds how long the engine may stay silent while dhpush waits on it: for the request to be taken (its body read)
 * and for the answer's head (status line and headers). When the limit passes without progress the connection is
 * closed, which ends the blocked read or write; {@link #expired()} then tells that failure from any other. A unix
 * socket has no read timeout of its own, so one timer thread does this for every transport. Never applied to an
 * answer's body: a build step may be silent for an hour.
 */
final class AnswerDeadline implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "engine-answer-deadline");
        thread.setDaemon(true);
        return thread;
    });

    private final Closeable connection;
    private final long limitNanos;
    private final AtomicBoolean expired = new AtomicBoolean();
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean done;
    private ScheduledFuture<?> check;

    private AnswerDeadline(Closeable connection, Duration limit) {
        this.connection = connection;
        this.limitNanos = limit.toNanos();
    }

    /** Starts counting now; {@link #close()} stops it. */
    static AnswerDeadline start(Closeable connection, Duration limit) {
        AnswerDeadline deadline = new AnswerDeadline(connection, limit);
        deadline.schedule(deadline.limitNanos);
        return deadline;
    }

    /** The engine took something (a part of the request body): the silence starts again from now. */
    void progress() {
        lastProgress = System.nanoTime();
    }

    /** Whether the limit passed and the connection was closed for it. */
    boolean expired() {
        return expired.get();
    }

    /** A stream that counts every completed write to {@code out} as progress. */
    OutputStream counting(OutputStream out) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                progress();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
                progress();
            }

            @Override
            public void flush() throws IOException {
                out.flush();
                progress();
            }
        };
    }

    private synchronized void schedule(long delayNanos) {
        if (!done) {
            check = TIMER.schedule(this::checkSilence, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void checkSilence() {
        long silent = System.nanoTime() - lastProgress;
        if (silent < limitNanos) {
            schedule(limitNanos - silent);
            return;
        }
        synchronized (this) {
            if (done) {
                return;
            }
            expired.set(true);
        }
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing is all that is left to do; the waiting thread reports the silence
        }
    }

    @Override
    public synchronized void close() {
        done = true;
        if (check != null) {
            check.cancel(false);
        }
    }
}
