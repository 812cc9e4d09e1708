package dev.nsg.dhpush.failure;

/** The engine failed a push (or the local tagging before it) for a reason other than access or reachability. */
public class PushFailedException extends DhpushException {

    /**
     * REGISTRY_ERROR: the registry refused with an error code; REGISTRY_UNREACHABLE: the engine could not reach the
     * registry, or it answered 5xx; ENGINE_ERROR: the engine's own failure; NO_DIGEST: the push ended without a
     * digest; LOCAL_TAG: tagging the image before the push failed; ENGINE_POLICY: the engine's authorization plugin
     * refused the push; TAG_MOVED: the local tag named another image once the push was over (another build of the same
     * name on this engine), so what was pushed is not known to be this run's image. The use case turns access refusals and
     * unreachable registries into their own failure kinds, with the facts the engine cannot know.
     */
    public enum Reason { REGISTRY_ERROR, REGISTRY_UNREACHABLE, ENGINE_POLICY, ENGINE_ERROR, NO_DIGEST, LOCAL_TAG, TAG_MOVED }

    private final Reason reason;
    private final String detail;

    /**
     * @param detail for REGISTRY_ERROR the registry's error code the engine relayed ({@code NAME_INVALID}), for
     *        ENGINE_POLICY the authorization plugin's name ({@code pipelines}); else null
     */
    public PushFailedException(Reason reason, String detail, String message) {
        super(ExitCode.PUSH_FAILED, message, null);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    /** The registry's error code, for REGISTRY_ERROR; else null. */
    public String registryCode() {
        return reason == Reason.REGISTRY_ERROR ? detail : null;
    }
}
