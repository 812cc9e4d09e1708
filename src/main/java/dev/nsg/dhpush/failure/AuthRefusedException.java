package dev.nsg.dhpush.failure;

/** The registry refused the credentials, or the access they grant; or no usable credentials were found. */
public class AuthRefusedException extends DhpushException {

    /**
     * NO_CREDENTIALS: none found where the registry needs some; CREDENTIALS_REJECTED: the registry or its token service
     * refused them; ACCESS_DENIED: accepted, but not for this action on this repository; UNSUPPORTED_CHALLENGE: an
     * authentication scheme dhpush does not speak; INSECURE_TOKEN_SERVICE: credentials would travel over plain HTTP;
     * NO_TOKEN: the token service answered without a token; HELPER_FAILED: a credential helper could not be asked.
     */
    public enum Reason { NO_CREDENTIALS, CREDENTIALS_REJECTED, ACCESS_DENIED, UNSUPPORTED_CHALLENGE, INSECURE_TOKEN_SERVICE, NO_TOKEN, HELPER_FAILED }

    private final Reason reason;
    private final Refusal refusal;

    public AuthRefusedException(Reason reason, Refusal refusal, String message, Throwable cause) {
        super(ExitCode.AUTH_REFUSED, message, cause);
        this.reason = reason;
        this.refusal = refusal;
    }

    public AuthRefusedException(Reason reason, Refusal refusal, String message) {
        this(reason, refusal, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public Refusal refusal() {
        return refusal;
    }

    /**
     * The facts of a refusal.
     *
     * @param registry the registry as image names spell it ({@code docker.io}, {@code localhost:5000})
     * @param dockerHub whether that is Docker Hub, whose tokens and advice differ
     * @param repository the repository path, or null when the refusal is not about one
     * @param action {@code push} or {@code pull}, or null
     * @param source where the credentials came from, or null when there were none (anonymous)
     * @param username the user they name, or null
     * @param status the HTTP status, or null
     * @param registryCode the registry's error code ({@code DENIED}, {@code UNAUTHORIZED}), or null
     */
    public record Refusal(String registry, boolean dockerHub, String repository, String action, CredentialSource source,
            String username, Integer status, String registryCode) {
    }
}
