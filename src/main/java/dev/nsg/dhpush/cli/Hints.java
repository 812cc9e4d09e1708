package dev.nsg.dhpush.cli;

import java.util.List;

import dev.nsg.dhpush.failure.AuthRefusedException;
import dev.nsg.dhpush.failure.AuthRefusedException.Refusal;
import dev.nsg.dhpush.failure.BuildFailedException;
import dev.nsg.dhpush.failure.DhpushException;
import dev.nsg.dhpush.failure.EngineUnavailableException;
import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.OverwriteRefusedException;
import dev.nsg.dhpush.failure.PushFailedException;
import dev.nsg.dhpush.failure.RegistryUnavailableException;
import dev.nsg.dhpush.failure.VerificationFailedException;
import dev.nsg.dhpush.model.ImageReference;

/**
 * The {@code hint:} line: what to do about a failure, written from the facts the lower layers carry (as Jib's front
 * end writes its helpful suggestions from its core's typed exceptions). Options and variables are named only here.
 * Docker Hub's advice is given only for Docker Hub.
 */
final class Hints {

    private Hints() {
    }

    /** The hint for a failure, or null when there is nothing useful to add. */
    static String of(DhpushException failure) {
        if (failure instanceof UsageFailure usage) {
            return usage.hint();
        }
        if (failure instanceof InvalidInputException input) {
            return input(input);
        }
        if (failure instanceof EngineUnavailableException engine) {
            return engine(engine);
        }
        if (failure instanceof BuildFailedException build) {
            return build(build);
        }
        if (failure instanceof AuthRefusedException auth) {
            return auth(auth.reason(), auth.refusal());
        }
        if (failure instanceof PushFailedException push) {
            return push(push);
        }
        if (failure instanceof RegistryUnavailableException registry) {
            return registry(registry);
        }
        if (failure instanceof VerificationFailedException verification) {
            return verification(verification);
        }
        if (failure instanceof OverwriteRefusedException overwrite) {
            List<String> tags = overwrite.held().stream().map(OverwriteRefusedException.Held::tag).toList();
            return "push under a new tag, or leave out --no-overwrite to move " + String.join(", ", tags);
        }
        return null;
    }

    private static String input(InvalidInputException failure) {
        String value = failure.value();
        return switch (failure.problem()) {
            case TAG -> tag(value);
            case REPOSITORY -> value != null && value.lastIndexOf(':') > value.lastIndexOf('/')
                    ? "give the repository without ':tag', and the tag with --tag"
                    : "repository names are lowercase path components of letters and digits joined by '.', '_', '__' or '-',"
                            + " e.g. --repository team/app";
            case REGISTRY -> value != null && value.contains("://")
                    ? "drop the scheme and any path: --registry " + value.replaceFirst("^[^:]*://", "").replaceFirst("/.*$", "")
                    : "name the registry as host[:port]: --registry localhost:5000, --registry registry.example.com";
            case DIGEST -> "a digest reads sha256: and 64 lowercase hexadecimal digits, as dhpush and docker print it";
            case BUILD_CONTEXT -> "pass --context with the directory that holds the app (default: the current directory)";
            case DOCKERFILE -> "pass --file with the Dockerfile's path, or add a Dockerfile to the context";
            case DOCKERIGNORE -> "fix or remove that line of .dockerignore; docker build reads it by the same rules";
            case UNREADABLE_FILE -> "make it readable, or exclude it in .dockerignore";
            case REGISTRY_CA -> "give a PEM CA certificate, as docker reads from ~/.docker/certs.d/HOST:PORT/ca.crt";
            case ENGINE_ADDRESS -> "set --host or DOCKER_HOST to unix:///path/to/docker.sock or tcp://host:port";
            case ENGINE_CERTIFICATES -> "DOCKER_TLS_VERIFY=1 needs ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH (default ~/.docker)";
            case PASSWORD_INPUT -> "pipe the password or access token in: printf '%s' \"$TOKEN\" | dhpush --username NAME --password-stdin";
            case DOCKER_CONFIG -> "fix the file or log in again (docker login); DOCKER_CONFIG names the directory dhpush reads it from";
            case NO_REPOSITORY -> "pass --repository NAMESPACE/NAME, or give the Dockerfile's final stage"
                    + " LABEL org.opencontainers.image.title=\"NAME\"";
            case NO_NAMESPACE -> "pass --repository NAMESPACE/" + value + ", set " + Environment.USER
                    + ", or write namespace=NAMESPACE into dhpush.properties next to the Dockerfile";
            case PROJECT_SETTINGS -> "dhpush.properties takes namespace=NAMESPACE and builder=auto|buildkit|classic";
            case IMAGE_NOT_BUILT -> "build it first (dhpush build --tag " + value + "), or check --repository and --registry";
            case OPTIONS -> null;
            case BUILDKIT_NEEDED -> "build with BuildKit: --builder buildkit (or DHPUSH_BUILDER=buildkit)";
            case BUILD_SECRET -> "write --secret id=ID,src=FILE or --secret id=ID,env=VARIABLE; the file must be readable and the"
                    + " variable set";
            case SIGNING_KEY -> "give an ECDSA P-256 key: cosign generate-key-pair, or openssl genpkey -algorithm EC -pkeyopt"
                    + " ec_paramgen_curve:P-256; --sign-key FILE, or " + SigningKeySource.KEY_VARIABLE + " holding its base64";
            case SIGNING_KEY_PASSWORD -> "set " + SigningKeySource.PASSWORD_VARIABLE + " to the password the key was made with"
                    + " (cosign generate-key-pair asked for it)";
            case VERIFY_KEY -> "give the public key: cosign.pub from cosign generate-key-pair, or openssl pkey -in KEY -pubout";
        };
    }

    /** A tag that reads like a whole image reference gets the options that say it. */
    private static String tag(String value) {
        if (value == null || value.isEmpty()) {
            return "pass --tag NAME, or set BITBUCKET_BUILD_NUMBER";
        }
        if (value.contains(":") || value.contains("/")) {
            var parts = ImageReference.split(value);
            if (parts.isPresent()) {
                StringBuilder options = new StringBuilder();
                if (parts.get().registry() != null) {
                    options.append("--registry ").append(parts.get().registry()).append(' ');
                }
                options.append("--repository ").append(parts.get().repository());
                if (parts.get().tag() != null) {
                    options.append(" --tag ").append(parts.get().tag());
                }
                return "that is an image reference, not a tag: write it as " + options;
            }
        }
        return "tags follow Docker's reference grammar [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    }

    private static String engine(EngineUnavailableException failure) {
        return switch (failure.reason()) {
            case UNREACHABLE -> failure.unixSocket()
                    ? "is dockerd running, and may this user open " + failure.address().substring("unix://".length())
                            + "? (set --host or DOCKER_HOST for another engine)"
                    : "is the engine listening there, and do DOCKER_TLS_VERIFY and DOCKER_CERT_PATH match its TLS setting?";
            case SILENT -> "the engine is wedged: restart it (systemctl restart docker; on Bitbucket, rerun the step), or check"
                    + " what listens at " + failure.address();
            case DROPPED -> "the engine may have run out of memory or restarted: on Bitbucket, give the docker service more"
                    + " (definitions.services.docker.memory in bitbucket-pipelines.yml, at most 7128 MB on a 2x step);"
                    + " elsewhere, check the engine's log";
            case TOO_OLD -> "upgrade the engine to Docker 20.10 or newer";
            case NOT_AN_ENGINE -> "is this a Docker engine? check --host or DOCKER_HOST";
            case ENGINE_ERROR -> "rerun with --debug and check the engine's log";
        };
    }

    private static String build(BuildFailedException failure) {
        return switch (failure.reason()) {
            case DOCKERFILE -> failure.line() != null
                    ? "fix line " + failure.line() + " of " + failure.dockerfile()
                    : "fix " + failure.dockerfile();
            case BUILDKIT_ONLY -> buildKitOnly(failure);
            case TARGET -> "--target names a stage of " + failure.dockerfile() + " (FROM … AS NAME)";
            case ENGINE_POLICY -> policy(failure.detail());
            case REFUSED -> "check the build options (--target, --platform, --build-arg, --network, --file)";
            case STEP -> stepHint(failure);
            case NO_IMAGE -> "rerun with --debug and check the engine's log";
        };
    }

    /** The failing step and its last output; where the error line names the step already (BuildKit), the output alone. */
    private static String stepHint(BuildFailedException failure) {
        if (failure.step() == null) {
            return null;
        }
        String output = failure.stepOutput().isEmpty() ? null : "its last output: " + String.join(" | ", failure.stepOutput());
        if (failure.getMessage().contains(failure.step())) {
            return output;
        }
        return "the failing step was " + failure.step() + (output == null ? "" : "; " + output);
    }

    /** The classic builder ran: BuildKit would read the line; else say how to write it without. */
    private static String buildKitOnly(BuildFailedException failure) {
        String where = failure.line() != null ? "line " + failure.line() + " of " + failure.dockerfile() : failure.dockerfile().toString();
        String instead = switch (failure.detail()) {
            case "--mount" -> "COPY what the step needs and RUN without --mount";
            case "--chmod" -> "COPY, then RUN chmod";
            case "--link", "--parents", "--exclude" -> "a plain COPY (and .dockerignore for what to leave out)";
            case "--checksum" -> "ADD without it, then check the file in a RUN (sha256sum -c)";
            case "heredoc" -> "a script file COPYed into the image, or RUN with the commands joined by &&";
            default -> "an instruction the classic builder knows";
        };
        return failure.detail() + " needs BuildKit: use --builder buildkit (or rewrite " + where + " with " + instead + ")";
    }

    private static String policy(String plugin) {
        return "pipelines".equals(plugin)
                ? "Bitbucket's docker service refuses privileged containers, bind mounts outside $BITBUCKET_CLONE_DIR and"
                        + " BuildKit: leave out the option it names (with dhpush, --network host is the one that can ask for more)"
                : "the engine's administrators allow less than this asks: leave out the option the plugin names";
    }

    private static String auth(AuthRefusedException.Reason reason, Refusal refusal) {
        String who = refusal.username() == null ? "" : refusal.username() + " ";
        String source = Provenance.of(refusal.source());
        String repository = refusal.repository() == null ? refusal.registry() : refusal.registry() + "/" + refusal.repository();
        return switch (reason) {
            case NO_CREDENTIALS -> refusal.dockerHub()
                    ? "set " + Environment.USER + " and " + Environment.KEY + " (a Docker Hub access token with Read & Write scope),"
                            + " use --username with --password-stdin, or run docker login"
                    : "log in to " + refusal.registry() + ": --username NAME --password-stdin, or docker login " + refusal.registry();
            case CREDENTIALS_REJECTED -> refusal.dockerHub()
                    ? "the password or token for " + who + "from " + source + " was refused: " + Environment.KEY
                            + " must be a valid Docker Hub access token (not the account password)"
                    : "the password or token for " + who + "from " + source + " was refused by " + refusal.registry()
                            + ": check it";
            case ACCESS_DENIED -> "push".equals(refusal.action())
                    ? denyPush(refusal, who, source, repository)
                    : who + "(" + source + ") may not read " + repository + ": check its spelling, or ask for access";
            case UNSUPPORTED_CHALLENGE -> "dhpush speaks the registry v2 Bearer and Basic authentication; this registry asks for another";
            case INSECURE_TOKEN_SERVICE -> "serve the registry's token service over HTTPS (plain HTTP is accepted on loopback only)";
            case NO_TOKEN -> "check the registry's token service configuration";
            case HELPER_FAILED -> "run 'docker-credential-" + refusal.source().helper() + " list' to check the helper,"
                    + " or remove it from " + refusal.source().file();
        };
    }

    private static String denyPush(Refusal refusal, String who, String source, String repository) {
        if (refusal.source() == null) {
            return "pushing to " + repository + " needs credentials: --username NAME --password-stdin, or docker login "
                    + refusal.registry();
        }
        if (refusal.dockerHub()) {
            return who + "(" + source + ") may not push to " + repository + ": a Docker Hub access token needs Read & Write"
                    + " scope, and the repository must belong to that account or one of its organisations"
                    + " (an immutable tag is refused the same way)";
        }
        return who + "(" + source + ") may not push to " + repository + ": push to a repository that account may write to,"
                + " or ask the registry's administrators for push access";
    }

    private static String push(PushFailedException failure) {
        if (failure.reason() == PushFailedException.Reason.ENGINE_POLICY) {
            return policy(failure.detail());
        }
        if (failure.reason() == PushFailedException.Reason.TAG_MOVED) {
            return "another build on this engine gave the same name to its image meanwhile; run one publish of a tag at a time"
                    + " per engine, or give each run its own tag (the build number)";
        }
        if (failure.reason() == PushFailedException.Reason.REGISTRY_ERROR) {
            return switch (failure.registryCode()) {
                case "NAME_INVALID", "NAME_UNKNOWN" -> "the registry refuses this repository name: check --repository";
                case "TAG_INVALID" -> "the registry refuses this tag: check --tag";
                default -> "the registry answered " + failure.registryCode() + "; rerun with --debug and check the registry's log";
            };
        }
        return "rerun with --debug and check the engine's log";
    }

    private static String registry(RegistryUnavailableException failure) {
        var retries = failure.retries();
        return switch (failure.reason()) {
            case UNREACHABLE -> retries == null
                    ? "the engine could not reach " + failure.host() + ": check that the registry is up and reachable from the engine"
                    : "check that " + failure.host() + " is up and reachable; retries are bounded by DHPUSH_REGISTRY_MAX_ATTEMPTS="
                            + retries.maxAttempts() + " and DHPUSH_REGISTRY_MAX_RETRY_TIME=" + retries.maxRetryTime().toSeconds() + "S";
            case RATE_LIMITED -> failure.host() == null
                    ? "the registry of a base image rate-limits pulls (Docker Hub: per IP for anonymous pulls, and CI runners share"
                            + " IPs): authenticate them; dhpush sends " + Environment.USER + "/" + Environment.KEY
                            + " for Docker Hub base images, and docker login covers docker build"
                    : failure.host() + " is rate-limiting" + rateLimitFacts(retries)
                            + ": wait and run again, or raise DHPUSH_REGISTRY_MAX_RETRY_TIME; authenticated pulls get a larger quota";
            case NOT_A_REGISTRY -> "check --registry: " + failure.host() + " answers, but not as a registry v2 API";
            case BAD_ANSWER -> "rerun with --debug to see the registry's answers";
            case INTERRUPTED -> null;
        };
    }

    private static String rateLimitFacts(RegistryUnavailableException.Retries retries) {
        if (retries == null) {
            return "";
        }
        String left = retries.rateLimit() == null ? "" : retries.rateLimit() + " pulls left";
        String wait = retries.retryAfter() == null ? "" : "it asked for " + retries.retryAfter() + " s";
        String both = left.isEmpty() || wait.isEmpty() ? left + wait : left + "; " + wait;
        return both.isEmpty() ? "" : " (" + both + ")";
    }

    private static String verification(VerificationFailedException failure) {
        return switch (failure.reason()) {
            case TAG_ABSENT -> "check --tag and --repository; after a push, the push did not arrive or the tag was deleted since";
            case OTHER_DIGEST, TAGS_DIFFER -> "another push replaced the tag in between, or a proxy rewrote it;"
                    + " check who else pushes to this repository, then push again";
            case NO_SUCH_REPOSITORY -> "check the spelling of --repository and --registry";
            case UNSIGNED -> "sign it: dhpush push --tag TAG --sign-key KEY (or cosign sign --key KEY IMAGE@DIGEST)";
            case NO_PROVENANCE -> "publish it with a signing key (dhpush --sign-key KEY): a signed publish attaches its provenance";
            case OTHER_SIGNER -> "check that --key is the public half of the key that signed it (cosign public-key --key KEY prints it)";
        };
    }
}
