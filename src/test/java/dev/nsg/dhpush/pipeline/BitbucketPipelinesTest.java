package dev.nsg.dhpush.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** bitbucket-pipelines.yml against Bitbucket's published schema (a verbatim copy in test resources) and our rules. */
class BitbucketPipelinesTest {

    private static final Path PIPELINE_FILE = Path.of("bitbucket-pipelines.yml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema;
    private static JsonNode pipeline;
    private static String pipelineText;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = BitbucketPipelinesTest.class.getResourceAsStream("/bitbucket/bitbucket-pipelines.schema.json")) {
            assertNotNull(in, "the schema copy is missing from src/test/resources/bitbucket");
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        pipelineText = Files.readString(PIPELINE_FILE);
        // SnakeYAML (under Jackson's YAML module) resolves the &anchor / *alias step definitions, as Bitbucket does;
        // Jackson's streaming YAML parser alone would hand the aliases over as plain strings.
        pipeline = JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(pipelineText));
    }

    @Test
    void pipelineFile_isValidAgainstBitbucketsSchema() {
        List<Error> errors = schema.validate(pipeline);
        assertTrue(errors.isEmpty(), () -> "bitbucket-pipelines.yml breaks the schema: " + errors);
    }

    @Test
    void schema_rejectsAStepSizeBitbucketDoesNotOffer() {
        ObjectNode broken = pipeline.deepCopy();
        ((ObjectNode) broken.at("/pipelines/default/0/parallel/steps/0/step")).put("size", "3x");
        assertFalse(schema.validate(broken).isEmpty(), "the validator accepted size: 3x, so it checks nothing");
    }

    @Test
    void everyStep_hasAMaxTime() {
        for (JsonNode step : steps()) {
            assertTrue(step.path("max-time").isInt(), "step without max-time: " + step.path("name").asText());
        }
    }

    @Test
    void nativeStep_usesQuarkusDefaultMandrelBuilderAsRoot_andHandsOnTheBinary() {
        JsonNode nativeStep = stepNamed("Native");
        assertEquals("quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25", nativeStep.at("/image/name").asText());
        assertEquals(0, nativeStep.at("/image/run-as-user").asInt(-1));
        assertEquals("target/dhpush", nativeStep.at("/artifacts/upload/0/paths/0").asText());
        assertTrue(nativeStep.path("script").toString().contains("-Dnative"));
    }

    @Test
    void mainBranch_publishesWithDhpushAndTheBuildNumber_afterTestsAndNative() {
        JsonNode main = pipeline.at("/pipelines/branches/main");
        JsonNode parallel = main.at("/0/parallel/steps");
        assertEquals(2, parallel.size());
        JsonNode publish = main.get(main.size() - 1).path("step");
        assertTrue(publish.path("name").asText().startsWith("Publish"), "publishing must be the last step on main");
        String script = publish.path("script").toString();
        assertTrue(script.contains("./target/dhpush --tag \\\"$BITBUCKET_BUILD_NUMBER\\\" --latest"), script);
        assertEquals("docker", publish.at("/services/0").asText());
    }

    @Test
    void everyPublish_writesItsResultFiles_andKeepsThemAsArtifacts() {
        for (String pipelineName : new String[] {"/pipelines/branches/main", "/pipelines/tags/*"}) {
            JsonNode steps = pipelineName.endsWith("*") ? pipeline.at("/pipelines/tags").path("*") : pipeline.at(pipelineName);
            JsonNode publish = steps.get(steps.size() - 1).path("step");
            String script = publish.path("script").toString();
            assertTrue(script.contains("--output-env target/dhpush.env --output-json target/dhpush.json"), pipelineName + ": " + script);
            assertEquals("[\"target/dhpush.env\",\"target/dhpush.json\"]", publish.path("artifacts").toString(), pipelineName);
        }
    }

    @Test
    void nativeBinary_isExercisedThroughAUnixSocket_onEveryPush() {
        JsonNode smoke = stepNamed("Native dhpush on a real engine");
        assertTrue(smoke.path("script").toString().contains("--host unix:///tmp/docker.sock"));
        for (String pipelineName : new String[] {"/pipelines/default", "/pipelines/branches/main"}) {
            assertTrue(pipeline.at(pipelineName).toString().contains("Native dhpush on a real engine"), pipelineName);
        }
    }

    @Test
    void dockerService_getsMoreMemoryThanTheDefault() {
        assertTrue(pipeline.at("/definitions/services/docker/memory").asInt() > 1024);
    }

    @Test
    void credentials_comeOnlyFromSecuredVariables() {
        assertFalse(pipelineText.matches("(?s).*dckr_pat_[A-Za-z0-9_-]{8,}.*"), "a Docker Hub token is written in the file");
        assertFalse(pipelineText.matches("(?s).*DOCKER_HUB_KEY\\s*[:=]\\s*\\S.*"), "DOCKER_HUB_KEY is given a value in the file");
        assertFalse(pipelineText.contains("--password "), "a password on a command line ends up in the log");
    }

    @Test
    void publishing_isOneAtATime_andOnlyMainMovesLatest() {
        for (String pipelineName : new String[] {"/pipelines/branches/main", "/pipelines/tags/*"}) {
            JsonNode steps = pipeline.at(pipelineName.replace("*", "~1").replace("/~1", "/*"));
            JsonNode last = pipeline.at(pipelineName.equals("/pipelines/tags/*") ? "/pipelines/tags" : pipelineName);
            JsonNode publish = (pipelineName.endsWith("*") ? last.path("*") : last);
            JsonNode step = publish.get(publish.size() - 1).path("step");
            assertEquals("docker-hub-publish", step.path("concurrency-group").asText(), pipelineName);
            boolean latest = step.path("script").toString().contains("--latest");
            assertEquals(pipelineName.contains("main"), latest, pipelineName + " moves latest: " + step.path("script"));
        }
    }

    @Test
    void everyStepThatBuilds_pullsBaseImagesLoggedIn_withThePasswordOnStdin() {
        String login = "printf '%s' \"$DOCKER_HUB_KEY\" | docker login --username \"$DOCKER_HUB_USER\" --password-stdin";
        for (String prefix : new String[] {"Tests", "Build the Django image"}) {
            List<String> lines = new ArrayList<>();
            stepNamed(prefix).path("script").forEach(line -> lines.add(line.asText()));
            assertTrue(lines.stream().anyMatch(line -> line.contains(login)), prefix + ": " + lines);
        }
    }

    @Test
    void stepsThatRunTheNativeArtifact_makeItExecutable() {
        for (JsonNode step : steps()) {
            String script = step.path("script").toString();
            if (script.contains("./target/dhpush") && !script.contains("-Dnative")) {
                assertTrue(script.contains("chmod +x target/dhpush"), step.path("name").asText());
            }
        }
    }

    @Test
    void testReportsAndHarnessLogs_areKeptWhenTheTestsFail() {
        JsonNode uploads = stepNamed("Tests").at("/artifacts/upload");
        assertEquals(2, uploads.size());
        uploads.forEach(upload -> assertEquals("always", upload.path("capture-on").asText(), upload.toString()));
    }

    @Test
    void theSmokeStep_waitsForItsSocket() {
        assertTrue(stepNamed("Native dhpush on a real engine").path("script").toString().contains("--engine-wait 60s"));
    }

    private List<JsonNode> steps() {
        List<JsonNode> steps = new ArrayList<>();
        pipeline.at("/definitions/steps").forEach(item -> steps.add(item.path("step")));
        assertFalse(steps.isEmpty());
        return steps;
    }

    private JsonNode stepNamed(String prefix) {
        return steps().stream()
                .filter(step -> step.path("name").asText().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step named " + prefix + "…"));
    }
}
