package dev.nsg.dhpush.testing;

import java.util.List;
import java.util.Map;

/** skopeo, the reference for what a registry serves: an independent client, not dhpush's own code. */
public final class Skopeo {

    private Skopeo() {
    }

    /**
     * The manifest digest the registry serves for {@code registry/repository:tag}, or null when the tag is absent.
     * Loopback registries are plain HTTP; anonymous pull must be allowed.
     */
    public static String digest(String registry, String repository, String tag) {
        Commands.Result result = Commands.run(List.of("skopeo", "inspect", "--tls-verify=false", "--format", "{{.Digest}}",
                "docker://" + registry + "/" + repository + ":" + tag), Map.of(), null, null, 120);
        if (result.exitCode() != 0) {
            if (result.stderr().contains("manifest unknown")) {
                return null;
            }
            throw new AssertionError("skopeo inspect failed (Debian: apt-get install skopeo; src/scripts/test installs it): " + result);
        }
        return result.stdout().strip();
    }
}
