package dev.nsg.dhpush.buildkit;

import java.util.function.Supplier;

/**
 * A secret a build may mount ({@code RUN --mount=type=secret,id=ID}): its bytes are read only when the daemon asks
 * for them through the session, and never go into the build request, an image or a log.
 *
 * @param source where it comes from, for messages ({@code file /run/secrets/pip.conf}, {@code variable PIP_TOKEN})
 */
public record BuildSecret(String id, String source, Supplier<byte[]> value) {

    @Override
    public String toString() {
        return "BuildSecret[id=" + id + ", source=" + source + ", value=<redacted>]";
    }
}
