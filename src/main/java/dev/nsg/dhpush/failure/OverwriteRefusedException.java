package dev.nsg.dhpush.failure;

import java.util.List;

/** Tags that already hold another image on the registry, which this run was told not to move; nothing was pushed. */
public class OverwriteRefusedException extends DhpushException {

    /** One tag: the digest the registry serves for it, and the image this run would put there. */
    public record Held(String tag, String registryDigest, String imageId) {
    }

    private final List<Held> held;

    public OverwriteRefusedException(List<Held> held, String message) {
        super(ExitCode.TAG_WOULD_MOVE, message, null);
        this.held = List.copyOf(held);
    }

    public List<Held> held() {
        return held;
    }
}
