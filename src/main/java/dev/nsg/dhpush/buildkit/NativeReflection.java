package dev.nsg.dhpush.buildkit;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the native image must keep for reflection: Netty's NioDomainSocketChannel, which adopts the engine's unix
 * socket for the session, finds {@code UnixDomainSocketAddress.of} and {@code getPath} by reflection when it loads.
 */
@RegisterForReflection(targets = java.net.UnixDomainSocketAddress.class)
final class NativeReflection {

    private NativeReflection() {
    }
}
