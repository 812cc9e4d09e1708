package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.TestContext;

/**
 * The repository comes from the project, never from dhpush: --repository, else the Dockerfile's title label under the
 * namespace of dhpush.properties or DOCKER_HUB_USER; where nothing names one, exit 2 before any work. These runs need
 * neither an engine nor a registry: the engine address is a dead socket, so reaching it would be exit 3.
 */
class ProjectRepositoryIT {

    private static final String DEAD_ENGINE = "unix:///nonexistent/docker.sock";
    private static final String TITLED = "FROM scratch\nCOPY busybox /bin/busybox\nLABEL org.opencontainers.image.title=\"my-app\"\n";

    private static Path project(String dockerfile, String settings) throws Exception {
        Path dir = TestContext.withBusybox(dockerfile);
        if (settings != null) {
            Files.writeString(dir.resolve("dhpush.properties"), settings);
        }
        return dir;
    }

    private static void assertNamesNoProject(Commands.Result result) {
        assertFalse(result.all().contains("nsg-basic-django-app"), "dhpush named another project's image: " + result);
        assertFalse(result.all().contains("willfifensg"), "dhpush named another project's namespace: " + result);
    }

    @Test
    void noTitleLabel_andNoRepository_exits2_beforeAnyWork_inEveryCommand() throws Exception {
        Path dir = project("FROM scratch\nCOPY busybox /bin/busybox\n", null);
        for (String[] command : new String[][] {{"--tag", "1"}, {"build", "--tag", "1"}, {"push", "--tag", "1"},
                {"verify", "--tag", "1"}, {"tags"}}) {
            String[] arguments = java.util.Arrays.copyOf(command, command.length + 2);
            arguments[command.length] = command[0].equals("tags") ? "--registry" : "--host";
            arguments[command.length + 1] = command[0].equals("tags") ? "127.0.0.1:1" : DEAD_ENGINE;
            Commands.Result result = Dhpush.runIn(dir, Map.of("DOCKER_HUB_USER", "someone"), arguments);
            assertEquals(2, result.exitCode(), String.join(" ", command) + ": " + result);
            assertTrue(result.stderr().contains("error: choose the repository: none was named, and "), result.stderr());
            assertTrue(result.stderr().contains("hint: pass --repository NAMESPACE/NAME, or give the Dockerfile's final stage"
                    + " LABEL org.opencontainers.image.title=\"NAME\""), result.stderr());
            assertNamesNoProject(result);
        }
    }

    @Test
    void noDockerfile_andNoRepository_exits2_forCommandsThatDoNotBuild() throws Exception {
        Path empty = Files.createTempDirectory("dhpush-empty-");
        Commands.Result result = Dhpush.runIn(empty, Map.of(), "verify", "--tag", "1", "--host", DEAD_ENGINE);
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("there is no Dockerfile in " + empty.toRealPath()), result.stderr());
        assertNamesNoProject(result);
    }

    @Test
    void titleLabel_namesTheImage_andDhpushProperties_itsNamespace_saidInTheDryRun() throws Exception {
        Path dir = project(TITLED, "# the project's namespace\nnamespace=acme\n");
        Commands.Result result = Dhpush.runIn(dir, Map.of("DOCKER_HUB_USER", "someone"), "build", "--dry-run", "--tag", "1");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("repository: docker.io/acme/my-app  (name from the org.opencontainers.image.title label of "
                + dir.toRealPath().resolve("Dockerfile") + ", namespace from " + dir.toRealPath().resolve("dhpush.properties") + ")"),
                result.stdout());
        assertTrue(result.stdout().contains("image:      acme/my-app:1"), result.stdout());
    }

    @Test
    void withoutSettings_theRegistryUserIsTheNamespace() throws Exception {
        Path dir = project(TITLED, null);
        Commands.Result result = Dhpush.runIn(dir, Map.of("DOCKER_HUB_USER", "SomeOne"), "build", "--dry-run", "--tag", "1", "--json");
        assertEquals(0, result.exitCode(), result.toString());
        JsonNode plan = new ObjectMapper().readTree(result.stdout().strip().split("\n")[0]);
        assertEquals("docker.io/someone/my-app", plan.path("repository").asText());
        assertEquals("dockerfile-title", plan.path("repositoryName").asText());
        assertEquals("registry-user", plan.path("repositoryNamespace").asText());
    }

    @Test
    void aTitleWithNoNamespace_onDockerHub_exits2_sayingTheThreeWaysToNameOne() throws Exception {
        Path dir = project(TITLED, null);
        Commands.Result result = Dhpush.runIn(dir, Map.of(), "--tag", "1", "--host", DEAD_ENGINE);
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("names the image \"my-app\", but nothing names its namespace on Docker Hub"), result.stderr());
        assertTrue(result.stderr().contains("hint: pass --repository NAMESPACE/my-app, set DOCKER_HUB_USER, or write namespace=NAMESPACE"
                + " into dhpush.properties"), result.stderr());
    }

    @Test
    void aTitleWithNoNamespace_onAnotherRegistry_isARepositoryOfItsOwn() throws Exception {
        Path dir = project(TITLED, null);
        Commands.Result result = Dhpush.runIn(dir, Map.of(), "build", "--dry-run", "--tag", "1", "--registry", "registry.example.com");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("repository: registry.example.com/my-app  (name from the org.opencontainers.image.title"
                + " label of " + dir.toRealPath().resolve("Dockerfile") + ", no namespace)"), result.stdout());
    }

    @Test
    void aMisspeltSetting_exits2_ratherThanPublishingElsewhere() throws Exception {
        Path dir = project(TITLED, "namespce=acme\n");
        Commands.Result result = Dhpush.runIn(dir, Map.of("DOCKER_HUB_USER", "someone"), "build", "--dry-run", "--tag", "1");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("unknown setting \"namespce\" (known: namespace, builder)"), result.stderr());
    }

    @Test
    void aBuilderTheSettingsCannotName_exits2() throws Exception {
        Path dir = project(TITLED, "namespace=acme\nbuilder=fastest\n");
        Commands.Result result = Dhpush.runIn(dir, Map.of(), "build", "--dry-run", "--tag", "1");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("builder=fastest is not a builder (auto, buildkit or classic)"), result.stderr());
    }

    @Test
    void theRepositoryOption_wins_andTheFirstProgressLineSaysSo() throws Exception {
        Path dir = project(TITLED, "namespace=acme\n");
        Commands.Result result = Dhpush.runIn(dir, Map.of(), "build", "--tag", "1", "--repository", "team/other", "--host", DEAD_ENGINE);
        assertEquals(3, result.exitCode(), "the engine is dead, so this is as far as a build gets: " + result);
        assertTrue(result.stderr().startsWith("==> target docker.io/team/other (--repository)\n"), result.stderr());
    }

    @Test
    void thisRepository_publishesToTheNamespaceItsOwnSettingsName() {
        Path root = Path.of("").toAbsolutePath();
        Commands.Result result = Dhpush.runIn(root, Map.of("DOCKER_HUB_USER", "someone-else"), "build", "--dry-run", "--tag", "1");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().startsWith("repository: docker.io/willfifensg/nsg-basic-django-app  (name from the"
                + " org.opencontainers.image.title label of " + root.resolve("Dockerfile")), result.stdout());
    }
}
