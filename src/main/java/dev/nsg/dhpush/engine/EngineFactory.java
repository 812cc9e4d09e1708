package dev.nsg.dhpush.engine;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the {@link DockerEngine} for an address, choosing the transport the way the docker CLI does. */
@ApplicationScoped
public class EngineFactory {

    private final ObjectMapper json;
    private final String userAgent;

    EngineFactory(ObjectMapper json, @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.json = json;
        this.userAgent = "dhpush/" + version;
    }

    /**
     * @param host {@code --host} or {@code DOCKER_HOST}; null for the default socket
     * @param tlsVerify DOCKER_TLS_VERIFY is set to a non-empty value
     * @param certPath DOCKER_CERT_PATH (default {@code ~/.docker})
     * @param wait how long to wait for an engine that is not there yet
     */
    public DockerEngine connect(String host, boolean tlsVerify, Path certPath, EngineWait wait) {
        EngineAddress address = EngineAddress.parse(host);
        EngineConnector connector = address.isUnix()
                ? new UnixSocketConnector(address.socket())
                : new TcpConnector(address.host(), address.port(), tlsVerify ? EngineTls.fromCertDirectory(certPath) : null);
        return new HttpDockerEngine(address, new EngineHttp(connector, userAgent), json, wait);
    }
}
