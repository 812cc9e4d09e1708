package dev.nsg.dhpush.cli;

import java.time.Duration;

import dev.nsg.dhpush.engine.DockerEngine;
import dev.nsg.dhpush.engine.EngineFactory;
import dev.nsg.dhpush.engine.EngineWait;
import picocli.CommandLine.Option;

/** Where the Docker engine is: --host, else DOCKER_HOST, else the default socket; TLS as the docker CLI decides it. */
class EngineOptions {

    /** A CI job's docker service may still be starting when its script begins; a laptop's engine is on or off. */
    static final Duration CI_ENGINE_WAIT = Duration.ofSeconds(60);

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Docker engine address: unix:///path or tcp://host:port (default: $DOCKER_HOST, else unix:///var/run/docker.sock).")
    String host;

    @Option(names = "--engine-wait", paramLabel = "DURATION",
            description = "How long to wait for an engine that is not up yet (refused, no socket), e.g. 30s, 2m, 1m30s or PT2M"
                    + " (default: 60s when $CI is set, else 0: exit 3 at once).")
    String engineWait;

    DockerEngine connect(EngineFactory factory, Environment environment, EngineWait.Listener listener) {
        return connect(factory, environment, new EngineWait(waitLimit(environment), listener));
    }

    /**
     * An engine consulted only for a fact it may hold (verify's local digest): not waited for unless --engine-wait
     * says so, not even in CI, as a run that does not need the engine must not wait a minute for one that is off.
     */
    DockerEngine connectForLookup(EngineFactory factory, Environment environment, EngineWait.Listener listener) {
        return connect(factory, environment, engineWait == null ? EngineWait.NONE : new EngineWait(waitLimit(environment), listener));
    }

    private DockerEngine connect(EngineFactory factory, Environment environment, EngineWait wait) {
        String address = host != null ? host : environment.dockerHost();
        return factory.connect(address, environment.engineTls(), environment.engineCertificates(), wait);
    }

    Duration waitLimit(Environment environment) {
        if (engineWait == null) {
            return environment.ci() ? CI_ENGINE_WAIT : Duration.ZERO;
        }
        return WaitDuration.parse(engineWait).orElseThrow(() -> new UsageFailure("invalid --engine-wait \"" + engineWait
                + "\": not a duration", "write seconds (30 or 30s), minutes (2m), 1m30s, 500ms or ISO-8601 (PT2M); 0 does not wait"));
    }
}
