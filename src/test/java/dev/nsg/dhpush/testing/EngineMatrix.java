package dev.nsg.dhpush.testing;

/**
 * The JUnit tag of the integration tests that run on every engine of the matrix (Debian's 20.10, Docker 26.1 with
 * the classic image store, Docker 26.1 with the containerd image store): the pom's engine-matrix profile runs the
 * classes carrying it once more per newer engine.
 */
public final class EngineMatrix {

    public static final String TAG = "engine-matrix";

    private EngineMatrix() {
    }
}
