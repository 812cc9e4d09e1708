package dev.nsg.dhpush.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The reference tools src/test/harness/engines.sh unpacks from Debian trixie beside the newer engines (buildx,
 * cosign): where the variable it exports names one, else where it unpacks them, when executable there.
 */
final class TrixieTools {

    private TrixieTools() {
    }

    static Optional<Path> find(String variable, String unpackedUnderRoot) {
        String exported = System.getenv(variable);
        Path tool = exported != null && !exported.isBlank() ? Path.of(exported)
                : Path.of("target/engines/root").resolve(unpackedUnderRoot).toAbsolutePath();
        return Files.isExecutable(tool) ? Optional.of(tool) : Optional.empty();
    }

    /** Skips the comparison with {@code name}, saying why, where it is not unpacked (the pipeline's test step). */
    static void require(String name, String variable, String unpackedUnderRoot, String skipped) {
        Assumptions.assumeTrue(find(variable, unpackedUnderRoot).isPresent(), name + " is not unpacked here (src/scripts/test unpacks"
                + " Debian trixie's beside the newer engines; " + variable + " names it): " + skipped);
    }
}
