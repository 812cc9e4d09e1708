package dev.nsg.dhpush.engine;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a push stream's {@code errorDetail} says, read by its form rather than by searching for words. The engine
 * relays a registry's error as distribution's errcode text, {@code <code in lower case, '_' as ' '>: <message>}
 * ({@code denied: requested access to the resource is denied}), or the code's words alone when the registry sent
 * the code's own default message and no detail ({@code manifest invalid}); a failure to reach the registry as Go's url.Error,
 * {@code <Method> "<url>": <cause>}; and a status the registry client did not expect as
 * {@code received unexpected HTTP status: 500 Internal Server Error}. A dockerd on the containerd image store pushes
 * through containerd, which relays no registry code, only the status:
 * {@code failed commit on ref "…": unexpected status from PUT request to http://…/manifests/1: 429}; the statuses the
 * distribution spec gives one meaning (401, 403, 429) are read as their codes.
 *
 * @param registryCode the registry's error code in its spec spelling ({@code DENIED}), or null
 * @param unreachableHost the registry host the engine could not reach, or null
 * @param serverError whether the registry answered with a 5xx status
 */
record RelayedError(String registryCode, String unreachableHost, boolean serverError) {

    /** distribution's error codes (registry/api/errcode and the OCI distribution spec), and Docker Hub's rate limit. */
    private static final Map<String, String> CODES = Map.ofEntries(
            code("BLOB_UNKNOWN"), code("BLOB_UPLOAD_INVALID"), code("BLOB_UPLOAD_UNKNOWN"), code("DIGEST_INVALID"),
            code("MANIFEST_BLOB_UNKNOWN"), code("MANIFEST_INVALID"), code("MANIFEST_UNKNOWN"), code("MANIFEST_UNVERIFIED"),
            code("NAME_INVALID"), code("NAME_UNKNOWN"), code("SIZE_INVALID"), code("TAG_INVALID"), code("UNAUTHORIZED"),
            code("DENIED"), code("UNSUPPORTED"), code("TOOMANYREQUESTS"), code("UNAVAILABLE"), code("UNKNOWN"));
    private static final Pattern URL_ERROR = Pattern.compile("^(?:Get|Head|Post|Put|Patch|Delete) \"([^\"]+)\": .+", Pattern.DOTALL);
    private static final Pattern UNEXPECTED_STATUS = Pattern.compile("^received unexpected HTTP status: (\\d{3})\\b.*", Pattern.DOTALL);
    private static final Pattern CONTAINERD_STATUS = Pattern.compile(".*unexpected status from [A-Z]+ request to \\S+: (\\d{3})\\b.*",
            Pattern.DOTALL);
    private static final Map<String, String> STATUS_CODES = Map.of("401", "UNAUTHORIZED", "403", "DENIED", "429", "TOOMANYREQUESTS");
    /** The docker auth client's own answer to a Basic challenge it has no credentials for (ErrNoBasicAuthCredentials). */
    private static final String NO_BASIC_CREDENTIALS = "no basic auth credentials";

    static RelayedError parse(String message) {
        String text = message.strip();
        if (text.equals(NO_BASIC_CREDENTIALS)) {
            return new RelayedError("UNAUTHORIZED", null, false);
        }
        if (CODES.containsKey(text)) {
            return new RelayedError(CODES.get(text), null, false);
        }
        int colon = text.indexOf(": ");
        if (colon > 0) {
            String code = CODES.get(text.substring(0, colon));
            if (code != null) {
                return new RelayedError(code, null, false);
            }
        }
        Matcher url = URL_ERROR.matcher(text);
        if (url.matches()) {
            return new RelayedError(null, host(url.group(1)).orElse("the registry"), false);
        }
        Matcher status = UNEXPECTED_STATUS.matcher(text);
        if (!status.matches()) {
            status = CONTAINERD_STATUS.matcher(text);
        }
        if (status.matches()) {
            return new RelayedError(STATUS_CODES.get(status.group(1)), null, status.group(1).startsWith("5"));
        }
        return new RelayedError(null, null, false);
    }

    private static Map.Entry<String, String> code(String code) {
        return Map.entry(code.toLowerCase(Locale.ROOT).replace('_', ' '), code);
    }

    private static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(URI.create(url).getAuthority());
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }
}
