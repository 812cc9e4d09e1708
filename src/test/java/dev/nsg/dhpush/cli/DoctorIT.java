package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.SecretLeaks;
import dev.nsg.dhpush.testing.TestContext;
import dev.nsg.dhpush.testing.TestRegistries;

/** dhpush doctor on a real engine and real registries: every check's verdict, the exit code of the first failure. */
class DoctorIT {

    private static final String PASSWORD = "Doctor-pa55word-never-printed";
    private static final Map<String, String> OWNER = Map.of("DOCKER_HUB_USER", TestRegistries.OWNER, "DOCKER_HUB_KEY", PASSWORD);
    /** A dead registry is retried: one attempt keeps the test short, and the verdict is the same. */
    private static final Map<String, String> ONE_ATTEMPT = Map.of("DHPUSH_REGISTRY_MAX_ATTEMPTS", "1");

    private static TestRegistries registries;
    private static Path context;

    @BeforeAll
    static void start() {
        LocalEngine.require();
        registries = TestRegistries.start(PASSWORD);
        context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\n");
        TestContext.write(context, ".env", "SECRET_KEY=planted\n");
    }

    @AfterAll
    static void stop() {
        registries.close();
    }

    private static Commands.Result doctor(Map<String, String> environment, LocalRegistry registry, String repository, String... extra) {
        return doctor(environment, registry.address(), repository, extra);
    }

    private static Commands.Result doctor(Map<String, String> environment, String registry, String repository, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("doctor", "--context", context.toString(), "--registry", registry,
                "--repository", repository, "--tag", "1"));
        arguments.addAll(List.of(extra));
        Commands.Result result = Dhpush.run(environment, null, arguments.toArray(String[]::new));
        SecretLeaks.assertAbsent(result.stdout() + result.stderr(), PASSWORD, "doctor output");
        return result;
    }

    private static JsonNode json(Commands.Result result) throws IOException {
        List<String> lines = result.stdout().lines().toList();
        assertEquals(1, lines.size(), "--json writes one object: " + result.stdout());
        return new ObjectMapper().readTree(lines.get(0));
    }

    private static String verdicts(JsonNode report) {
        StringBuilder verdicts = new StringBuilder();
        for (JsonNode check : report.get("checks")) {
            verdicts.append(check.get("check").asText()).append('=').append(check.get("verdict").asText()).append(' ');
        }
        return verdicts.toString().strip();
    }

    @Test
    void openRegistry_everyCheckHolds_exit0_andThePlantedEnvFileWarns() throws IOException {
        Commands.Result result = doctor(Map.of(), registries.open, "team/doctor", "--json");
        assertEquals(0, result.exitCode(), result.toString());
        JsonNode report = json(result);
        assertTrue(report.get("ready").asBoolean());
        assertEquals("engine=ok builder=ok registry=ok pull-quota=ok base-image=ok context=ok context=warn tag=ok signing-key=skip", verdicts(report), report.toString());
        assertTrue(report.toString().contains("**/.env"), report.toString());
    }

    /** Without a tag every other check still runs; the tag check says why it is skipped. */
    @Test
    void noTag_runsEveryOtherCheck_andSkipsTheTagCheck_exit0() throws IOException {
        Commands.Result result = Dhpush.run(Map.of(), null, "doctor", "--context", context.toString(), "--registry",
                registries.open.address(), "--repository", "team/doctor", "--json");
        assertEquals(0, result.exitCode(), result.toString());
        JsonNode report = json(result);
        assertEquals("engine=ok builder=ok registry=ok pull-quota=ok base-image=ok context=ok context=warn tag=skip signing-key=skip", verdicts(report),
                report.toString());
        assertTrue(report.toString().contains("no --tag given and BITBUCKET_BUILD_NUMBER is not set"), report.toString());
    }

    @Test
    void quiet_printsTheOneLineVerdict() {
        Commands.Result result = doctor(Map.of(), registries.open, "team/doctor", "--quiet");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("doctor: a publish to " + registries.open.address() + "/team/doctor should work (1 warning)", result.stdout().strip(),
                result.toString());
    }

    @Test
    void builder_saysWhichRuns_andSecretsWithTheClassicBuilderFailItsCheck() throws IOException {
        Commands.Result buildKit = doctor(Map.of(), registries.open, "team/doctor", "--builder", "buildkit");
        assertEquals(0, buildKit.exitCode(), buildKit.toString());
        assertTrue(buildKit.stdout().contains("builder      BuildKit (buildkit, from --builder)"), buildKit.stdout());

        Commands.Result secrets = doctor(Map.of("SOME_SECRET", "x"), registries.open, "team/doctor", "--json", "--builder", "auto",
                "--secret", "id=s,env=SOME_SECRET");
        boolean classicEngine = LocalEngine.apiVersion().equals("1.41");
        assertEquals(classicEngine ? 2 : 0, secrets.exitCode(), secrets.toString());
        assertTrue(verdicts(json(secrets)).startsWith(classicEngine ? "engine=ok builder=fail" : "engine=ok builder=ok"), secrets.stdout());
    }

    @Test
    void basicAuthRegistry_namesTheCredentialSource_exit0() {
        Commands.Result result = doctor(OWNER, registries.basic, "team/doctor");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("credentials accepted as " + TestRegistries.OWNER + " (DOCKER_HUB_USER/DOCKER_HUB_KEY)"),
                result.stdout());
        assertTrue(result.stdout().contains("doctor: a publish to " + registries.basic.address() + "/team/doctor should work"),
                result.stdout());
    }

    @Test
    void tokenRegistry_provesPushFromTheGrant_exit0() throws IOException {
        Commands.Result result = doctor(OWNER, registries.token, TestRegistries.OWNER + "/doctor", "--json");
        assertEquals(0, result.exitCode(), result.toString());
        JsonNode registry = json(result).get("checks").get(2);
        assertEquals("token-grant", registry.at("/facts/proof").asText(), registry.toString());
    }

    @Test
    void engineDown_exit3_andTheOtherChecksStillRun() throws IOException {
        Commands.Result result = doctor(Map.of(), registries.open, "team/doctor", "--host", "unix:///nonexistent/docker.sock", "--json");
        assertEquals(3, result.exitCode(), result.toString());
        JsonNode report = json(result);
        assertEquals("engine=fail builder=skip registry=ok pull-quota=ok base-image=skip context=ok context=warn tag=ok signing-key=skip", verdicts(report));
        assertTrue(report.get("checks").get(0).has("hint"), report.toString());
    }

    @Test
    void registryDown_exit8_andTheChecksThatNeedItAreSkipped() {
        Commands.Result result = doctor(ONE_ATTEMPT, "127.0.0.1:" + LocalRegistry.freePort(), "team/doctor");
        assertEquals(8, result.exitCode(), result.toString());
        assertTrue(result.stdout().lines().anyMatch(line -> line.startsWith("FAIL  registry")), result.stdout());
        assertTrue(result.stdout().lines().anyMatch(line -> line.startsWith("skip  tag")), result.stdout());
        assertTrue(result.stdout().lines().anyMatch(line -> line.startsWith("ok    engine")), result.stdout());
        assertTrue(result.stdout().contains("doctor: 1 check failed; exit 8 is the first failure's"), result.stdout());
    }

    @Test
    void wrongPassword_exit5() {
        Commands.Result result = doctor(Map.of("DOCKER_HUB_USER", TestRegistries.OWNER, "DOCKER_HUB_KEY", "wrong-" + PASSWORD),
                registries.basic, "team/doctor");
        assertEquals(5, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("hint: "), result.stdout());
    }

    @Test
    void noPushAccess_exit5_namingTheRepository() {
        Commands.Result result = doctor(OWNER, registries.token, "someone-else/app");
        assertEquals(5, result.exitCode(), result.toString());
        assertTrue(result.stdout().lines().anyMatch(line -> line.startsWith("FAIL  registry") && line.contains("someone-else/app")),
                result.stdout());
    }

    @Test
    void aTagTheRegistryHolds_isReportedAsMoving() {
        Commands.Result pushed = Dhpush.run(Map.of(), null, "--context", context.toString(), "--registry", registries.open.address(),
                "--repository", "team/held", "--tag", "1", "--quiet");
        assertEquals(0, pushed.exitCode(), pushed.toString());
        Commands.Result result = doctor(Map.of(), registries.open, "team/held");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().lines().anyMatch(line -> line.startsWith("warn  tag") && line.contains("1: holds sha256:")),
                result.stdout());
        assertFalse(result.stdout().contains("FAIL"), result.stdout());
    }
}
