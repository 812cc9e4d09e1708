package dev.nsg.dhpush.buildkit;

import java.util.concurrent.atomic.AtomicLong;

/** What a session's file syncs sent: entries listed, files the daemon requested, and their bytes. */
final class SyncCounters {

    final AtomicLong listed = new AtomicLong();
    final AtomicLong filesSent = new AtomicLong();
    final AtomicLong bytesSent = new AtomicLong();
}
