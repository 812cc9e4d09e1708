package dev.nsg.dhpush.registry;

/**
 * How push access to a repository was proven before anything was built: the token service's grant (read from the
 * token), or a blob upload the registry accepted and that was then cancelled.
 *
 * @param scheme how the registry authenticates: {@code none}, {@code basic} or {@code bearer}
 * @param proof {@code token-grant} or {@code upload-probe}
 * @param note something the user may want to know (an upload probe the registry would not cancel), or null
 */
public record PushAccess(String scheme, String proof, String note) {
}
