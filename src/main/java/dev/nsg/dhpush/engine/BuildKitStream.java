package dev.nsg.dhpush.engine;

/**
 * What a BuildKit build's {@code /build} stream carries besides its end: {@code moby.buildkit.trace} messages (each a
 * protobuf {@code moby.buildkit.v1.StatusResponse}, handed over undecoded) and any plain output line.
 */
public interface BuildKitStream {

    void trace(byte[] statusResponse);

    default void output(String text) {
    }
}
