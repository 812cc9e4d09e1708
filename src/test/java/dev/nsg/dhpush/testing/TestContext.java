package dev.nsg.dhpush.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Small build contexts for the engine tests: images FROM scratch with Debian's static busybox, nothing to pull. */
public final class TestContext {

    public static final Path BUSYBOX = Path.of("/bin/busybox");

    private TestContext() {
    }

    /** A context directory with the given Dockerfile and a copy of busybox as {@code busybox}. */
    public static Path withBusybox(String dockerfile) {
        if (!Files.isExecutable(BUSYBOX)) {
            throw new AssertionError("/bin/busybox is missing (Debian: apt-get install busybox-static; src/scripts/test installs it)");
        }
        try {
            Path dir = Files.createTempDirectory("dhpush-context-");
            Files.copy(BUSYBOX, dir.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.writeString(dir.resolve("Dockerfile"), dockerfile);
            return dir;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static void write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
