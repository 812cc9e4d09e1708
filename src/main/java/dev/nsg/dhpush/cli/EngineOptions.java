package dev.nsg.dhpush.cli;

import java.nio.file.Path;

import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.EngineFactory;
import picocli.CommandLine.Option;

/** Where the Docker engine is: --host, else DOCKER_HOST, else the default socket; TLS as the docker CLI decides it. */
class EngineOptions {

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Docker engine address: unix:///path or tcp://host:port (default: $DOCKER_HOST, else unix:///var/run/docker.sock).")
    String host;

    DockerEngine connect(EngineFactory factory) {
        String address = host != null ? host : System.getenv("DOCKER_HOST");
        String tlsVerify = System.getenv("DOCKER_TLS_VERIFY");
        String certPath = System.getenv("DOCKER_CERT_PATH");
        Path certs = certPath != null && !certPath.isBlank() ? Path.of(certPath) : Path.of(System.getProperty("user.home"), ".docker");
        return factory.connect(address, tlsVerify != null && !tlsVerify.isEmpty() && !tlsVerify.equals("0"), certs);
    }
}
