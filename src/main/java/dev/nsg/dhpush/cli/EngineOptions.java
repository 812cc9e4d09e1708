package dev.nsg.dhpush.cli;

import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.EngineFactory;
import picocli.CommandLine.Option;

/** Where the Docker engine is: --host, else DOCKER_HOST, else the default socket; TLS as the docker CLI decides it. */
class EngineOptions {

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Docker engine address: unix:///path or tcp://host:port (default: $DOCKER_HOST, else unix:///var/run/docker.sock).")
    String host;

    DockerEngine connect(EngineFactory factory, Environment environment) {
        String address = host != null ? host : environment.dockerHost();
        return factory.connect(address, environment.engineTls(), environment.engineCertificates());
    }
}
