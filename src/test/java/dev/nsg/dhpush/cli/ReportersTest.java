package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.app.PushedTag;
import dev.nsg.dhpush.app.PublishListener;
import dev.nsg.dhpush.app.VerifiedTag;
import dev.nsg.dhpush.model.Digest;
import dev.nsg.dhpush.model.ImageReference;
import dev.nsg.dhpush.model.Tag;
import dev.nsg.dhpush.registry.RateLimit;

/** The three output forms, fed the same events: results on stdout only, plain text plain, JSON one object a line. */
class ReportersTest {

    private static final ImageReference REPOSITORY = ImageReference.parse(null, "team/app");
    private static final Digest DIGEST = Digest.of("sha256:" + "a".repeat(64));
    private static final Digest OTHER = Digest.of("sha256:" + "b".repeat(64));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static void run(PublishListener listener) {
        listener.phase("build", "team/app:1");
        listener.buildOutput("Step 1/2 : FROM scratch\n\033[31mred\033[0m\r\n\u0007bell\n");
        listener.layerStatus("6dd67e227bc5", "Pushing", 10L, 100L);
        listener.layerStatus("6dd67e227bc5", "Pushed", null, null);
        listener.pushed(new PushedTag(REPOSITORY, Tag.of("1"), DIGEST), 1200);
        listener.moved(Tag.of("latest"), OTHER, DIGEST);
        listener.verified(new VerifiedTag(REPOSITORY, Tag.of("1"), DIGEST, new RateLimit("100;w=21600", "99;w=21600", "1.2.3.4"), true));
        listener.verified(new VerifiedTag(REPOSITORY, Tag.of("2"), DIGEST, new RateLimit(null, null, null), false));
        listener.notice("4 registry requests");
    }

    @Test
    void plain_putsResultsOnStdout_andProgressOnStderr_withoutAControlCharacter() {
        run(new PlainReporter(new PrintWriter(out), new PrintWriter(err), false, true));
        assertEquals("docker.io/team/app:1@" + DIGEST + " verified\ndocker.io/team/app:2@" + DIGEST + " served\n", out.toString());
        String progress = err.toString();
        assertTrue(progress.contains("==> build team/app:1"), progress);
        assertTrue(progress.contains("notice: tag latest moves from " + OTHER + " to " + DIGEST), progress);
        assertTrue(progress.contains("registry rate limit: 99;w=21600 of 100;w=21600 pulls left"), progress);
        assertTrue(progress.contains("red"), progress);
        for (char c : progress.toCharArray()) {
            assertFalse(Character.isISOControl(c) && c != '\n' && c != '\t', "control character " + (int) c + " in: " + progress);
        }
    }

    @Test
    void json_writesOneObjectALine_onStdoutOnly_eachWithItsEvent() throws Exception {
        run(new JsonReporter(new PrintWriter(out)));
        assertEquals("", err.toString());
        String[] lines = out.toString().strip().split("\n");
        ObjectMapper json = new ObjectMapper();
        StringBuilder events = new StringBuilder();
        for (String line : lines) {
            JsonNode event = json.readTree(line);
            events.append(event.path("event").asText()).append(' ');
        }
        assertEquals("phase build-output layer layer pushed moved verified served notice", events.toString().strip());
        JsonNode moved = json.readTree(lines[5]);
        assertEquals(OTHER.value(), moved.path("from").asText());
        assertEquals(DIGEST.value(), moved.path("to").asText());
    }

    @Test
    void quiet_printsOnlyThePinnedImages() {
        run(new QuietReporter(new PrintWriter(out)));
        assertEquals("docker.io/team/app:1@" + DIGEST + "\ndocker.io/team/app:2@" + DIGEST + "\n", out.toString());
        assertEquals("", err.toString());
    }
}
