package dev.nsg.dhpush.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * How to reach the registry's API: hosts allowed over plain HTTP beyond loopback, an extra CA to trust, and where
 * docker keeps per-registry CAs and client certificates ({@code ~/.docker/certs.d}, {@code /etc/docker/certs.d}).
 */
public record RegistryAccess(Set<String> insecureHosts, Path extraCa, List<Path> certsDirectories) {
}
