package dev.nsg.dhpush.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * cosign, the judge of the signatures dhpush writes: Debian trixie's package, unpacked beside the newer engines
 * (src/test/harness/engines.sh exports DHPUSH_COSIGN). It runs offline (no transparency log) with a docker config of
 * its own holding only the test registry's credentials.
 */
public final class Cosign {

    private static final String VARIABLE = "DHPUSH_COSIGN";
    private static final String UNPACKED = "usr/bin/cosign";

    private Cosign() {
    }

    public static Optional<Path> binary() {
        return TrixieTools.find(VARIABLE, UNPACKED);
    }

    /** Skips what only cosign can judge, saying why, where it is not unpacked (the pipeline's test step). */
    public static void require() {
        TrixieTools.require("cosign", VARIABLE, UNPACKED, "the check by cosign is skipped");
    }

    /** {@code cosign generate-key-pair}: PREFIX.key (encrypted with {@code password}) and PREFIX.pub in {@code directory}. */
    public static void generateKeyPair(Path directory, String prefix, String password) {
        expectSuccess(run(directory, Map.of("COSIGN_PASSWORD", password), null, "generate-key-pair", "--output-key-prefix", prefix));
    }

    /** {@code cosign verify --key PUB IMAGE@DIGEST}, offline; {@code credentials} is user:password for the registry, or null. */
    public static Commands.Result verify(Path publicKey, String pinnedImage, String registry, String credentials) {
        return run(publicKey.getParent(), Map.of(), config(registry, credentials), "verify", "--key", publicKey.toString(),
                "--insecure-ignore-tlog=true", "--allow-http-registry", "--allow-insecure-registry", pinnedImage);
    }

    /** {@code cosign verify-attestation --type slsaprovenance1 --key PUB IMAGE@DIGEST}, offline; stdout holds the envelopes. */
    public static Commands.Result verifyProvenance(Path publicKey, String pinnedImage, String registry, String credentials) {
        return run(publicKey.getParent(), Map.of(), config(registry, credentials), "verify-attestation", "--type", "slsaprovenance1",
                "--key", publicKey.toString(), "--insecure-ignore-tlog=true", "--allow-http-registry", "--allow-insecure-registry",
                pinnedImage);
    }

    /** {@code cosign sign --key KEY IMAGE@DIGEST}, offline, as a second signer beside dhpush. */
    public static Commands.Result sign(Path key, String password, String pinnedImage, String registry, String credentials) {
        return run(key.getParent(), Map.of("COSIGN_PASSWORD", password), config(registry, credentials), "sign", "--key", key.toString(),
                "--tlog-upload=false", "--allow-http-registry", "--allow-insecure-registry", "--yes", pinnedImage);
    }

    private static Commands.Result run(Path directory, Map<String, String> environment, Path config, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary().orElseThrow().toString());
        command.addAll(List.of(arguments));
        Map<String, String> env = new HashMap<>(environment);
        try {
            env.put("DOCKER_CONFIG", (config != null ? config : Files.createTempDirectory("dhpush-cosign-config-")).toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return Commands.run(command, env, directory, null, 120);
    }

    private static Path config(String registry, String credentials) {
        try {
            Path config = Files.createTempDirectory("dhpush-cosign-config-");
            String auths = credentials == null ? "{}" : "{\"" + registry + "\":{\"auth\":\""
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\"}}";
            Files.writeString(config.resolve("config.json"), "{\"auths\":" + auths + "}");
            return config;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void expectSuccess(Commands.Result result) {
        if (result.exitCode() != 0) {
            throw new AssertionError("cosign failed: " + result);
        }
    }
}
