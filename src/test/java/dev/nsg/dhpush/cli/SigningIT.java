package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.signing.TestKeys;
import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Cosign;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.TestContext;
import dev.nsg.dhpush.testing.TestRegistries;

/**
 * Signing what is published, judged by cosign itself where it is unpacked: keys from cosign, from dhpush's own writer
 * of cosign's form and from openssl; the plain, Basic and token registries; a signature of another key kept beside
 * dhpush's; a wrong password or a missing key stopping the run before anything is built.
 */
class SigningIT {

    private static final String OWNER = TestRegistries.OWNER;
    private static final String PASSWORD = "S1gning-pa55";
    private static final String KEY_PASSWORD = "key-pa55word";
    private static final Pattern SIGNED = Pattern.compile("(?m)^signed (\\S+)@(sha256:[a-f0-9]{64}) with ");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestRegistries registries;

    @TempDir
    static Path keys;

    @BeforeAll
    static void start() {
        LocalEngine.require();
        registries = TestRegistries.start(PASSWORD);
        TestKeys.writeCosignPair(keys, "dhpush-written", KEY_PASSWORD);
        if (Cosign.binary().isPresent()) {
            Cosign.generateKeyPair(keys, "cosign-made", KEY_PASSWORD);
        }
    }

    @AfterAll
    static void stop() {
        registries.close();
    }

    private static Path context(String marker) {
        try {
            Path context = Files.createTempDirectory("dhpush-signing-");
            Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nCOPY marker /marker\n");
            TestContext.write(context, "marker", marker + " " + System.nanoTime() + "\n");
            return context;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> withCredentials(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        all.put("DOCKER_HUB_USER", OWNER);
        all.put("DOCKER_HUB_KEY", PASSWORD);
        return all;
    }

    private static Commands.Result publish(LocalRegistry registry, String repository, Map<String, String> environment, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--context", context(repository).toString(), "--registry", registry.address(),
                "--repository", repository, "--tag", "1", "--progress", "plain"));
        arguments.addAll(List.of(extra));
        return Dhpush.run(withCredentials(environment), null, arguments.toArray(String[]::new));
    }

    private static Commands.Result verify(LocalRegistry registry, String repository, Path publicKey) {
        return Dhpush.run(withCredentials(Map.of()), null, "verify", "--registry", registry.address(), "--repository", repository,
                "--tag", "1", "--key", publicKey.toString(), "--progress", "plain");
    }

    /** The image the run signed, pinned, from its "signed IMAGE@DIGEST with KEY" line. */
    private static String signedImage(Commands.Result result) {
        Matcher signed = SIGNED.matcher(result.stderr());
        assertTrue(signed.find(), "a signed line: " + result);
        return signed.group(1) + "@" + signed.group(2);
    }

    private static void assertCosignAccepts(Path publicKey, String pinned, LocalRegistry registry, boolean withCredentials) {
        if (Cosign.binary().isEmpty()) {
            return;
        }
        Commands.Result verified = Cosign.verify(publicKey, pinned, registry.address(), withCredentials ? OWNER + ":" + PASSWORD : null);
        assertEquals(0, verified.exitCode(), "cosign verify --key " + publicKey.getFileName() + " " + pinned + ": " + verified);
    }

    /** cosign verify-attestation --type slsaprovenance1 accepts the provenance a signed publish attached. */
    private static void assertCosignAcceptsProvenance(Path publicKey, String pinned, LocalRegistry registry, boolean withCredentials) {
        if (Cosign.binary().isEmpty()) {
            return;
        }
        Commands.Result verified = Cosign.verifyProvenance(publicKey, pinned, registry.address(),
                withCredentials ? OWNER + ":" + PASSWORD : null);
        assertEquals(0, verified.exitCode(), "cosign verify-attestation --key " + publicKey.getFileName() + " " + pinned + ": " + verified);
    }

    @Test
    void publish_signsAndAttests_withCosignsKeyAndAnOpensslKey_onPlainBasicAndTokenRegistries_andCosignAndDhpushAcceptIt() {
        Commands.check(List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
                keys.resolve("openssl-plain.key").toString()), keys);
        Commands.check(List.of("openssl", "pkey", "-in", "openssl-plain.key", "-pubout", "-out", "openssl-plain.pub"), keys);
        String encrypted = Cosign.binary().isPresent() ? "cosign-made" : "dhpush-written";
        for (String prefix : List.of(encrypted, "openssl-plain")) {
            Map<String, String> password = Map.of("COSIGN_PASSWORD", KEY_PASSWORD);
            for (LocalRegistry registry : List.of(registries.open, registries.basic, registries.token)) {
                String repository = OWNER + "/signed-" + prefix;
                Commands.Result result = publish(registry, repository, password, "--sign-key", keys.resolve(prefix + ".key").toString());
                assertEquals(0, result.exitCode(), registry.address() + ": " + result);
                String pinned = signedImage(result);
                assertCosignAccepts(keys.resolve(prefix + ".pub"), pinned, registry, registry != registries.open);
                assertCosignAcceptsProvenance(keys.resolve(prefix + ".pub"), pinned, registry, registry != registries.open);
                Commands.Result checked = Dhpush.run(withCredentials(Map.of()), null, "verify", "--registry", registry.address(),
                        "--repository", repository, "--tag", "1", "--key", keys.resolve(prefix + ".pub").toString(), "--attestation");
                assertEquals(0, checked.exitCode(), checked.toString());
                assertTrue(checked.stdout().contains(pinned + " signed, verified with "), checked.stdout());
            }
        }
        Cosign.require();
    }

    @Test
    void signature_ofAnotherKeyIsKept_theSameKeyIsNotAddedTwice_andAnyOtherKeyIsExit7() {
        Map<String, String> password = Map.of("COSIGN_PASSWORD", KEY_PASSWORD);
        Path ours = keys.resolve("dhpush-written.key");
        Commands.Result first = publish(registries.open, "team/resigned", password, "--sign-key", ours.toString());
        assertEquals(0, first.exitCode(), first.toString());
        String pinned = signedImage(first);
        if (Cosign.binary().isPresent()) {
            Commands.Result second = Cosign.sign(keys.resolve("cosign-made.key"), KEY_PASSWORD, pinned, registries.open.address(), null);
            assertEquals(0, second.exitCode(), second.toString());
        }
        Commands.Result again = Dhpush.run(withCredentials(password), null, "push", "--registry", registries.open.address(),
                "--repository", "team/resigned", "--tag", "1", "--sign-key", ours.toString(), "--progress", "plain");
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.stderr().contains("(this key's signature was there already)"), again.stderr());
        int expected = Cosign.binary().isPresent() ? 2 : 1;
        Commands.Result checked = verify(registries.open, "team/resigned", keys.resolve("dhpush-written.pub"));
        assertEquals(0, checked.exitCode(), checked.toString());
        assertTrue(checked.stdout().contains("(1 of " + expected + " signature"), checked.stdout());
        assertCosignAccepts(keys.resolve("dhpush-written.pub"), pinned, registries.open, false);
        assertCosignAccepts(keys.resolve("cosign-made.pub"), pinned, registries.open, false);

        TestKeys.writeCosignPair(keys, "stranger", "x");
        Commands.Result other = verify(registries.open, "team/resigned", keys.resolve("stranger.pub"));
        assertEquals(7, other.exitCode(), other.toString());
        assertTrue(other.stderr().contains(expected == 1 ? "its one signature does not verify with " : "none of its 2 signatures verifies"),
                other.stderr());
    }

    @Test
    void opensslKeys_pkcs8AndSec1_sign_andTheVariableCarriesTheKeyAsBase64() throws IOException {
        Path pkcs8 = keys.resolve("openssl-pkcs8.key");
        Path sec1 = keys.resolve("openssl-sec1.key");
        Commands.check(List.of("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", pkcs8.toString()), keys);
        Commands.check(List.of("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-out", sec1.toString()), keys);
        for (Path key : List.of(pkcs8, sec1)) {
            Commands.check(List.of("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", key + ".pub"), keys);
        }
        Commands.Result byFile = publish(registries.basic, OWNER + "/openssl", Map.of(), "--sign-key", pkcs8.toString());
        assertEquals(0, byFile.exitCode(), byFile.toString());
        String variable = Base64.getEncoder().encodeToString(Files.readAllBytes(sec1));
        Commands.Result byVariable = Dhpush.run(withCredentials(Map.of("DHPUSH_SIGN_KEY", variable)), null, "push", "--registry",
                registries.basic.address(), "--repository", OWNER + "/openssl", "--tag", "1", "--progress", "plain");
        assertEquals(0, byVariable.exitCode(), byVariable.toString());
        assertTrue(byVariable.stderr().contains(" with DHPUSH_SIGN_KEY: "), byVariable.stderr());
        assertFalse(byVariable.all().contains(variable), "the key never reaches the output");
        String pinned = signedImage(byFile);
        assertCosignAcceptsProvenance(Path.of(pkcs8 + ".pub"), pinned, registries.basic, true);
        for (Path key : List.of(pkcs8, sec1)) {
            Commands.Result checked = verify(registries.basic, OWNER + "/openssl", Path.of(key + ".pub"));
            assertEquals(0, checked.exitCode(), checked.toString());
            assertCosignAccepts(Path.of(key + ".pub"), pinned, registries.basic, true);
        }
    }

    @Test
    void aWrongPasswordOrAMissingKey_isExit2_beforeAnythingIsBuiltOrPushed() {
        Path key = keys.resolve("dhpush-written.key");
        Commands.Result wrong = publish(registries.open, "team/never", Map.of("COSIGN_PASSWORD", "not-it"), "--sign-key", key.toString());
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.stderr().contains("error: open signing key " + key + ": the password does not open it"), wrong.stderr());
        assertTrue(wrong.stderr().contains("hint: set COSIGN_PASSWORD to the password the key was made with"), wrong.stderr());
        assertFalse(wrong.stderr().contains("==> build"), "nothing built: " + wrong.stderr());
        assertFalse(wrong.all().contains("not-it"), "the password never reaches the output");

        Commands.Result none = publish(registries.open, "team/never", Map.of(), "--sign-key", key.toString());
        assertEquals(2, none.exitCode(), none.toString());
        assertTrue(none.stderr().contains("it is encrypted and no password was given"), none.stderr());

        Commands.Result missing = publish(registries.open, "team/never", Map.of(), "--sign-key", keys.resolve("absent.key").toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.stderr().contains("error: read signing key " + keys.resolve("absent.key") + ": "), missing.stderr());
        assertFalse(missing.stderr().contains("==> build"), "nothing built: " + missing.stderr());

        Commands.Result absent = Dhpush.run(Map.of(), null, "verify", "--registry", registries.open.address(), "--repository",
                "team/never", "--tag", "1", "--digest", "sha256:" + "0".repeat(64));
        assertEquals(7, absent.exitCode(), "nothing was pushed: " + absent);
    }

    @Test
    void verifyKey_onAnUnsignedImage_isExit7_sayingItHasNoSignature() {
        Commands.Result published = publish(registries.open, "team/unsigned", Map.of());
        assertEquals(0, published.exitCode(), published.toString());
        Commands.Result checked = verify(registries.open, "team/unsigned", keys.resolve("dhpush-written.pub"));
        assertEquals(7, checked.exitCode(), checked.toString());
        assertTrue(checked.stderr().contains("it has no cosign signature"), checked.stderr());
        assertTrue(checked.stderr().contains("hint: sign it"), checked.stderr());
    }

    @Test
    void outputFiles_recordTheSignature() throws IOException {
        Path env = keys.resolve("result.env");
        Path json = keys.resolve("result.json");
        Commands.Result result = publish(registries.open, "team/recorded", Map.of("COSIGN_PASSWORD", KEY_PASSWORD), "--sign-key",
                keys.resolve("dhpush-written.key").toString(), "--output-env", env.toString(), "--output-json", json.toString());
        assertEquals(0, result.exitCode(), result.toString());
        String pinned = signedImage(result);
        String digest = pinned.substring(pinned.indexOf('@') + 1);
        String signatureTag = digest.replace(':', '-') + ".sig";
        assertTrue(Files.readString(env).contains("DHPUSH_SIGNATURE='" + registries.open.address() + "/team/recorded:" + signatureTag + "@sha256:"),
                Files.readString(env));
        assertTrue(Files.readString(json, StandardCharsets.UTF_8).contains("\"signature\":{\"ref\":\"" + registries.open.address()
                + "/team/recorded:" + signatureTag + "@sha256:"), Files.readString(json));
    }

    /** The DSSE envelope's statement of the image's one attestation, read straight from the open registry. */
    private static JsonNode attestedStatement(String repository, String digest) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String tag = digest.replace(':', '-') + ".att";
        HttpResponse<String> manifest = http.send(HttpRequest.newBuilder(URI.create(registries.open.url("/v2/" + repository + "/manifests/" + tag)))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, manifest.statusCode(), manifest.body());
        JsonNode layers = JSON.readTree(manifest.body()).path("layers");
        assertEquals(1, layers.size(), manifest.body());
        assertEquals("https://slsa.dev/provenance/v1", layers.get(0).path("annotations").path("predicateType").asText());
        HttpResponse<String> envelope = http.send(HttpRequest.newBuilder(URI.create(registries.open.url("/v2/" + repository + "/blobs/"
                + layers.get(0).path("digest").asText()))).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(Base64.getDecoder().decode(JSON.readTree(envelope.body()).path("payload").asText()));
    }

    @Test
    void publish_attachesItsSignedProvenance_namingSourceBaseImageArgumentsAndRun_andVerifyAttestationAcceptsIt() throws Exception {
        Commands.Result base = publish(registries.open, "team/base", Map.of());
        assertEquals(0, base.exitCode(), base.toString());
        String baseDigest = base.stdout().lines().filter(line -> line.endsWith(" verified")).findFirst().orElseThrow()
                .replaceAll(".*@(sha256:[a-f0-9]{64}).*", "$1");
        Path context = Files.createTempDirectory("dhpush-provenance-");
        String baseImage = registries.open.address() + "/team/base:1";
        Files.writeString(context.resolve("Dockerfile"), "FROM " + baseImage + "\nARG FLAVOUR\nCOPY marker /marker\n");
        TestContext.write(context, "marker", "provenance " + System.nanoTime() + "\n");
        Map<String, String> environment = withCredentials(Map.of("COSIGN_PASSWORD", KEY_PASSWORD, "BITBUCKET_COMMIT", "0123abcd",
                "BITBUCKET_GIT_HTTP_ORIGIN", "https://example.invalid/team/app", "BITBUCKET_PIPELINE_UUID", "{pipeline}",
                "BITBUCKET_STEP_UUID", "{step}", "BITBUCKET_BUILD_NUMBER", "42"));
        Commands.Result result = Dhpush.run(environment, null, "--context", context.toString(), "--registry", registries.open.address(),
                "--repository", "team/app", "--build-arg", "FLAVOUR=mild", "--latest", "--sign-key",
                keys.resolve("dhpush-written.key").toString(), "--progress", "plain");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("attested " + registries.open.address() + "/team/app@"), result.stderr());
        String pinned = signedImage(result);
        String digest = pinned.substring(pinned.indexOf('@') + 1);

        JsonNode statement = attestedStatement("team/app", digest);
        assertEquals("https://in-toto.io/Statement/v1", statement.path("_type").asText());
        assertEquals(digest.substring("sha256:".length()), statement.path("subject").get(0).path("digest").path("sha256").asText());
        JsonNode definition = statement.path("predicate").path("buildDefinition");
        assertEquals("mild", definition.path("externalParameters").path("buildArgs").path("FLAVOUR").asText(), definition.toString());
        assertEquals("[\"42\",\"latest\"]", definition.path("externalParameters").path("tags").toString());
        String dependencies = definition.path("resolvedDependencies").toString();
        assertTrue(dependencies.contains("{\"uri\":\"git+https://example.invalid/team/app\",\"digest\":{\"gitCommit\":\"0123abcd\"}}"),
                dependencies);
        assertTrue(dependencies.contains("{\"uri\":\"pkg:docker/" + baseImage + "\",\"digest\":{\"sha256\":\""
                + baseDigest.substring("sha256:".length()) + "\"}}"), dependencies);
        JsonNode run = statement.path("predicate").path("runDetails");
        assertEquals("{pipeline}/{step}", run.path("metadata").path("invocationId").asText(), run.toString());
        assertFalse(statement.toString().contains(PASSWORD) || statement.toString().contains(KEY_PASSWORD), "no secret in it");

        Commands.Result checked = Dhpush.run(Map.of(), null, "verify", "--registry", registries.open.address(), "--repository", "team/app",
                "--tag", "42", "--key", keys.resolve("dhpush-written.pub").toString(), "--attestation");
        assertEquals(0, checked.exitCode(), checked.toString());
        assertTrue(checked.stderr().contains("provenance of " + pinned + " verified with "), checked.stderr());
        if (Cosign.binary().isPresent()) {
            Commands.Result cosign = Cosign.verifyProvenance(keys.resolve("dhpush-written.pub"), pinned, registries.open.address(), null);
            assertEquals(0, cosign.exitCode(), cosign.toString());
        }

        // push signs what it did not build: no provenance, and --attestation says so.
        Commands.Result pushed = Dhpush.run(withCredentials(Map.of("COSIGN_PASSWORD", KEY_PASSWORD)), null, "push", "--registry",
                registries.open.address(), "--repository", "team/base", "--tag", "1", "--sign-key",
                keys.resolve("dhpush-written.key").toString(), "--progress", "plain");
        assertEquals(0, pushed.exitCode(), pushed.toString());
        assertFalse(pushed.stderr().contains("attested "), pushed.stderr());
        Commands.Result noProvenance = Dhpush.run(Map.of(), null, "verify", "--registry", registries.open.address(), "--repository",
                "team/base", "--tag", "1", "--key", keys.resolve("dhpush-written.pub").toString(), "--attestation");
        assertEquals(7, noProvenance.exitCode(), noProvenance.toString());
        assertTrue(noProvenance.stderr().contains("it has no attestation"), noProvenance.stderr());
        Cosign.require();
    }

    @Test
    void doctor_opensTheKeyAsAPublishWould_andAWrongPasswordFailsThatCheck() {
        Path key = keys.resolve("dhpush-written.key");
        List<String> arguments = List.of("doctor", "--context", context("doctor").toString(), "--registry", registries.open.address(),
                "--repository", "team/doctor", "--tag", "1", "--sign-key", key.toString());
        Commands.Result opens = Dhpush.run(Map.of("COSIGN_PASSWORD", KEY_PASSWORD), null, arguments.toArray(String[]::new));
        assertEquals(0, opens.exitCode(), opens.toString());
        assertTrue(opens.stdout().contains("ok    signing key  " + key + " opens and signs"), opens.stdout());
        Commands.Result wrong = Dhpush.run(Map.of("COSIGN_PASSWORD", "not-it"), null, arguments.toArray(String[]::new));
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.stdout().contains("FAIL  signing key  open signing key " + key + ": the password does not open it"), wrong.stdout());
        assertTrue(wrong.stdout().contains("ok    engine"), "every other check still runs: " + wrong.stdout());
    }

    /** Without COSIGN_PASSWORD, at a terminal, the key's password is asked for, as cosign asks, and not echoed. */
    @Test
    void encryptedKey_withoutCosignPassword_atATerminal_isAskedFor_andNotEchoed() {
        Path key = keys.resolve("dhpush-written.key");
        List<String> command = new ArrayList<>(List.of("python3", Path.of("src/test/resources/pty-session.py").toAbsolutePath().toString(),
                "Password for the signing key:", KEY_PASSWORD));
        command.addAll(Dhpush.command());
        command.addAll(List.of("doctor", "--context", context("prompted").toString(), "--registry", registries.open.address(),
                "--repository", "team/prompted", "--tag", "1", "--sign-key", key.toString()));
        Commands.Result result = Commands.run(command, Dhpush.environment(Map.of()), null, null, 120);
        assertTrue(result.stdout().contains("Password for the signing key: "), "no prompt: " + result);
        assertFalse(result.stdout().contains(KEY_PASSWORD), "the password was echoed: " + result);
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("ok    signing key  " + key + " opens and signs"), result.stdout());
    }
}
