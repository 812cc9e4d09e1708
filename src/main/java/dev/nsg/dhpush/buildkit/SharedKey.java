package dev.nsg.dhpush.buildkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.jboss.logging.Logger;

/**
 * The session's shared key for a context directory: the daemon keeps its copy of a synced directory under it, so a
 * second build of the same directory is sent only what changed. As the docker CLI derives it (cli/command/image
 * build_session.go, getBuildSharedKey): the SHA-256 of a random id kept once per user and the directory's absolute
 * path. Where the id cannot be kept, a key of this run alone still builds correctly, only without that saving.
 */
final class SharedKey {

    private static final Logger LOG = Logger.getLogger(SharedKey.class);

    private SharedKey() {
    }

    /** @param idFile where the per-user id lives ({@code ~/.config/dhpush/buildkit-node-id}) */
    static String of(Path directory, Path idFile) {
        return sha256(nodeId(idFile) + ":" + directory.toAbsolutePath().normalize());
    }

    private static String nodeId(Path file) {
        try {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (kept.matches("[0-9a-f]{64}")) {
                return kept;
            }
        } catch (IOException absent) {
            // made below
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "buildkit-node-id", ".tmp");
            Files.writeString(partial, id + "\n", StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.debugf("cannot keep the BuildKit node id in %s (%s): this build's context is sent whole", file, e.getMessage());
        }
        return id;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
