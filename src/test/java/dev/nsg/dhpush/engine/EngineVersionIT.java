package dev.nsg.dhpush.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.EngineMatrix;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;

/**
 * API version negotiation against the real engine of this run: dhpush speaks the engine's own version, up to the
 * newest it knows. The engine matrix names the version it expects of each engine (1.41 for Debian's 20.10, 1.45 for
 * Docker 26.1), so a run on the wrong engine fails too.
 */
@Tag(EngineMatrix.TAG)
class EngineVersionIT {

    @BeforeAll
    static void engine() {
        LocalEngine.require();
    }

    @Test
    void dhpushNegotiatesTheEnginesOwnApiVersion() throws IOException {
        String engineApi = LocalEngine.apiVersion();
        String expected = System.getProperty("dhpush.engine.expectedApi", "");
        if (!expected.isEmpty()) {
            assertEquals(expected, engineApi, "the engine matrix started another engine than it meant");
        }
        String negotiated = ApiVersion.negotiate(ApiVersion.parse(engineApi)).toString();
        // doctor reports the engine it reached, with the version it negotiated; the registry part is not needed here.
        Commands.Result result = Dhpush.run(Map.of("DHPUSH_REGISTRY_MAX_ATTEMPTS", "1"), null, "doctor", "--context",
                dev.nsg.dhpush.testing.TestContext.withBusybox("FROM scratch\n").toString(), "--registry",
                "127.0.0.1:" + LocalRegistry.freePort(), "--repository", "team/version", "--tag", "1", "--json");
        JsonNode engineCheck = new ObjectMapper().readTree(result.stdout()).get("checks").get(0);
        assertEquals("ok", engineCheck.get("verdict").asText(), engineCheck.toString());
        String said = engineCheck.at("/facts/engine").asText();
        assertTrue(said.endsWith(", API " + negotiated), "dhpush must speak API " + negotiated + " with this engine: " + said);
        if (!expected.isEmpty()) {
            assertEquals(expected, negotiated, "every engine in the matrix is older than dhpush's newest API");
        }
    }
}
