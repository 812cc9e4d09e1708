package dev.nsg.dhpush.app;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.failure.InvalidInputException;

class PendingRegistryClientTest {

    @Test
    void get_rethrowsTheOpenersOwnException_soItsExitCodeAndHintSurvive() {
        InvalidInputException refused = new InvalidInputException("--registry-ca: no such file", "pass a PEM file");
        PendingRegistryClient pending = PendingRegistryClient.open(() -> {
            throw refused;
        });
        assertSame(refused, assertThrows(InvalidInputException.class, pending::get));
    }

    @Test
    void open_runsOnADaemonThread_soAFailedBuildNeverWaitsForIt() {
        AtomicReference<Thread> opener = new AtomicReference<>();
        PendingRegistryClient pending = PendingRegistryClient.open(() -> {
            opener.set(Thread.currentThread());
            return null;
        });
        pending.get();
        assertTrue(opener.get().isDaemon());
        assertTrue(opener.get() != Thread.currentThread());
    }
}
