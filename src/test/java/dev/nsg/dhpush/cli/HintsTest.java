package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.failure.AuthRefusedException.Reason;
import dev.nsg.dhpush.failure.AuthRefusedException.Refusal;
import dev.nsg.dhpush.failure.BuildFailedException;
import dev.nsg.dhpush.failure.CredentialSource;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.RegistryUnavailableException;

/** Hints are written from the facts a failure carries: advice that fits the registry, the source, the input. */
class HintsTest {

    private static String hint(Reason reason, boolean dockerHub, CredentialSource source, String action) {
        String registry = dockerHub ? "docker.io" : "registry.example.com";
        return Hints.of(new AuthRefusedException(reason, new Refusal(registry, dockerHub, "team/app", action, source,
                source == null ? null : "someone", 401, null), "push " + registry + "/team/app: refused"));
    }

    @Test
    void dockerHubAdvice_isGivenForDockerHubOnly() {
        for (Reason reason : List.of(Reason.CREDENTIALS_REJECTED, Reason.ACCESS_DENIED)) {
            assertTrue(hint(reason, true, CredentialSource.environment(), "push").contains("Docker Hub access token"), reason.name());
            String elsewhere = hint(reason, false, CredentialSource.stdin(), "push");
            assertFalse(elsewhere.contains("Docker Hub") || elsewhere.contains("DOCKER_HUB"), reason + ": " + elsewhere);
        }
        assertTrue(hint(Reason.NO_CREDENTIALS, true, null, "push").contains("DOCKER_HUB_USER and DOCKER_HUB_KEY"));
        assertFalse(hint(Reason.NO_CREDENTIALS, false, null, "push").contains("DOCKER_HUB"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(CredentialSource.Kind.class)
    void aRefusedCredential_namesWhereItCameFrom(CredentialSource.Kind kind) {
        CredentialSource source = new CredentialSource(kind, Path.of("/home/me/.docker/config.json"), "pass");
        String expected = switch (kind) {
            case STDIN -> "--password-stdin";
            case ENVIRONMENT -> "DOCKER_HUB_USER/DOCKER_HUB_KEY";
            case CONFIG_FILE -> "the auths entry of /home/me/.docker/config.json";
            case CREDENTIAL_HELPER -> "docker-credential-pass (credHelpers in /home/me/.docker/config.json)";
            case CREDENTIAL_STORE -> "docker-credential-pass (credsStore in /home/me/.docker/config.json)";
        };
        assertTrue(hint(Reason.CREDENTIALS_REJECTED, false, source, "push").contains(expected), kind.name());
    }

    @ParameterizedTest(name = "[{index}] --tag {0}")
    @CsvSource(delimiter = ' ', value = {
            "app:1.0 '--repository app --tag 1.0'", "team/app '--repository team/app'",
            "localhost:5000/team/app:2 '--registry localhost:5000 --repository team/app --tag 2'",
            "registry.example.com/app '--registry registry.example.com --repository app'",
    })
    void aTagWrittenAsAReference_isAnsweredWithTheOptionsThatSayIt(String tag, String options) {
        String hint = Hints.of(new InvalidInputException(InvalidInputException.Problem.TAG, tag, "invalid tag"));
        assertEquals("that is an image reference, not a tag: write it as " + options, hint);
    }

    @Test
    void aDockerfileError_pointsAtTheDockerfileAndItsLine() {
        String hint = Hints.of(new BuildFailedException(BuildFailedException.Reason.DOCKERFILE, null, "build a:1: bad",
                Path.of("/src/Dockerfile"), 3, null, List.of()));
        assertEquals("fix line 3 of /src/Dockerfile", hint);
    }

    @Test
    void aRegistryGivenAsAUrl_isAnsweredWithTheHostAndPortToWrite() {
        String hint = Hints.of(new InvalidInputException(InvalidInputException.Problem.REGISTRY, "https://127.0.0.1:5000/v2/",
                "invalid registry"));
        assertEquals("drop the scheme and any path: --registry 127.0.0.1:5000", hint);
    }

    @Test
    void retriesSpent_nameTheSettingsThatBoundThem() {
        String hint = Hints.of(new RegistryUnavailableException(RegistryUnavailableException.Reason.UNREACHABLE, "r.example",
                new RegistryUnavailableException.Retries(5, 5, Duration.ofSeconds(60), null, null), "verify: down", null));
        assertTrue(hint.contains("DHPUSH_REGISTRY_MAX_ATTEMPTS=5 and DHPUSH_REGISTRY_MAX_RETRY_TIME=60S"), hint);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(value = InvalidInputException.Problem.class, names = "OPTIONS", mode = EnumSource.Mode.EXCLUDE)
    void everyInputProblem_hasAHint(InvalidInputException.Problem problem) {
        assertNotNull(Hints.of(new InvalidInputException(problem, "x", "invalid")), problem.name());
    }

    @Test
    void theDockerServiceAndDockerHubFailures_getAdviceForThem() {
        String buildKit = Hints.of(new BuildFailedException(BuildFailedException.Reason.BUILDKIT_ONLY, "--mount", "build a:1: x",
                Path.of("/src/Dockerfile"), 7, null, List.of()));
        assertEquals("--mount needs BuildKit: use --builder buildkit (or rewrite line 7 of /src/Dockerfile with COPY what the"
                + " step needs and RUN without --mount)", buildKit);
        String policy = Hints.of(new BuildFailedException(BuildFailedException.Reason.ENGINE_POLICY, "pipelines", "build a:1: x",
                Path.of("/src/Dockerfile"), null, null, List.of()));
        assertTrue(policy.startsWith("Bitbucket's docker service refuses privileged containers"), policy);
        String pulls = Hints.of(new RegistryUnavailableException(RegistryUnavailableException.Reason.RATE_LIMITED, null, null,
                "build a:1: pulling a base image: toomanyrequests", null));
        assertTrue(pulls.contains("authenticate them"), pulls);
        String limited = Hints.of(new RegistryUnavailableException(RegistryUnavailableException.Reason.RATE_LIMITED, "r.example",
                new RegistryUnavailableException.Retries(5, 5, Duration.ofSeconds(60), "30", "0;w=21600 of 100;w=21600"), "x", null));
        assertTrue(limited.contains("(0;w=21600 of 100;w=21600 pulls left; it asked for 30 s)"), limited);
        String dropped = Hints.of(new dev.nsg.dhpush.failure.EngineUnavailableException(
                dev.nsg.dhpush.failure.EngineUnavailableException.Reason.DROPPED, "tcp://localhost:2375", false, "x", null));
        assertTrue(dropped.contains("definitions.services.docker.memory"), dropped);
    }
}
