package dev.nsg.dhpush.app;

import java.nio.file.Path;
import java.util.Set;

/** How to reach the registry's API: hosts allowed over plain HTTP beyond loopback, and an extra CA to trust. */
public record RegistryAccess(Set<String> insecureHosts, Path extraCa) {

    public static final RegistryAccess DEFAULT = new RegistryAccess(Set.of(), null);
}
