package dev.nsg.dhpush.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import dev.nsg.dhpush.failure.InvalidInputException;

/**
 * Where the Docker engine listens, parsed from {@code --host} or {@code DOCKER_HOST} as the docker CLI accepts them:
 * {@code unix:///path/to/docker.sock} or {@code tcp://host:port} (TLS decided separately, by DOCKER_TLS_VERIFY).
 */
public record EngineAddress(String scheme, Path socket, String host, int port) {

    public static final String DEFAULT = "unix:///var/run/docker.sock";

    public static EngineAddress parse(String value) {
        String text = value == null || value.isBlank() ? DEFAULT : value.trim();
        if (text.startsWith("unix://")) {
            String path = text.substring("unix://".length());
            if (path.isEmpty() || !path.startsWith("/")) {
                throw invalid(text, "a unix socket address reads unix:///absolute/path");
            }
            return new EngineAddress("unix", Path.of(path), null, 0);
        }
        if (text.startsWith("tcp://")) {
            URI uri;
            try {
                uri = new URI("tcp://" + text.substring("tcp://".length()).replaceAll("/+$", ""));
            } catch (URISyntaxException e) {
                throw invalid(text, "a tcp address reads tcp://host:port (an IPv6 host in brackets: tcp://[::1]:2375)");
            }
            if (uri.getHost() == null) {
                throw invalid(text, "a tcp address reads tcp://host:port");
            }
            if (uri.getPort() > 65535 || (uri.getPort() == -1 && uri.getRawAuthority() != null && uri.getRawAuthority().endsWith(":"))) {
                throw invalid(text, "the port must be 1 to 65535");
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 2375;
            return new EngineAddress("tcp", null, uri.getHost(), port);
        }
        throw invalid(text, "dhpush speaks to engines at unix:///path or tcp://host:port (ssh:// and npipe:// are not supported)");
    }

    private static InvalidInputException invalid(String text, String rule) {
        return new InvalidInputException(InvalidInputException.Problem.ENGINE_ADDRESS, text,
                "engine address \"" + text + "\" is not usable: " + rule);
    }

    public boolean isUnix() {
        return "unix".equals(scheme);
    }

    @Override
    public String toString() {
        return isUnix() ? "unix://" + socket : "tcp://" + host + ":" + port;
    }
}
