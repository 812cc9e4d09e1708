package dev.nsg.dhpush.engine;

/**
 * An engine API version such as 1.44. dhpush negotiates like the docker CLI: it speaks the lower of its own newest
 * version and the engine's, and refuses engines older than Docker 20.10 (API 1.41).
 */
record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** The newest API dhpush knows (Docker 28); engines newer than this are spoken to at this version. */
    static final ApiVersion NEWEST = new ApiVersion(1, 51);
    /** Docker 20.10: the oldest engine dhpush supports. */
    static final ApiVersion OLDEST = new ApiVersion(1, 41);

    static ApiVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an API version: " + text);
        }
        return new ApiVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    static ApiVersion negotiate(ApiVersion engine) {
        return engine.compareTo(NEWEST) > 0 ? NEWEST : engine;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
