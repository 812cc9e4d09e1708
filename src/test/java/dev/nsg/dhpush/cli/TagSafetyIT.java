package dev.nsg.dhpush.cli;

import static dev.nsg.dhpush.testing.LocalEngine.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.EngineMatrix;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;
import dev.nsg.dhpush.testing.LocalRegistry;
import dev.nsg.dhpush.testing.Skopeo;
import dev.nsg.dhpush.testing.TestContext;

/** One image behind every tag, and no silent overwrite: checked against what skopeo sees on a real registry. */
@Tag(EngineMatrix.TAG)
class TagSafetyIT {

    private static final Pattern PUSHED = Pattern.compile("(?m)^pushed \\S+@(sha256:[a-f0-9]{64}) in ");
    private static final Pattern VERIFIED = Pattern.compile("(?m)^(\\S+):(\\S+)@(sha256:[a-f0-9]{64}) verified$");

    private static LocalRegistry registry;

    @BeforeAll
    static void start() {
        LocalEngine.require();
        registry = LocalRegistry.open();
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static Path context(String marker) {
        Path context = TestContext.withBusybox("FROM scratch\nCOPY busybox /bin/busybox\nCOPY marker /marker\n");
        TestContext.write(context, "marker", marker + "\n");
        return context;
    }

    /** With SOURCE_DATE_EPOCH, as a pipeline rebuilding one commit: the created label, and so the image, stays the same. */
    private static Commands.Result dhpush(String... arguments) {
        List<String> all = new java.util.ArrayList<>(List.of(arguments));
        all.addAll(List.of("--registry", registry.address(), "--progress", "plain"));
        return Dhpush.run(Map.of("SOURCE_DATE_EPOCH", "1700000000"), null, all.toArray(String[]::new));
    }

    private static String verifiedDigest(Commands.Result result, String tag) {
        Matcher line = VERIFIED.matcher(result.stdout());
        while (line.find()) {
            if (line.group(2).equals(tag)) {
                return line.group(3);
            }
        }
        throw new AssertionError("no verified line for " + tag + ": " + result);
    }

    @Test
    void pushOfATagAndLatest_pushesTheFirstTagsImageUnderBoth_notAStaleLocalLatest() {
        String repository = "team/stale";
        String local = registry.address() + "/" + repository;
        assertEquals(0, dhpush("build", "--context", context("older " + System.nanoTime()).toString(), "--repository", repository,
                "--tag", "latest").exitCode());
        assertEquals(0, dhpush("build", "--context", context("newer " + System.nanoTime()).toString(), "--repository", repository,
                "--tag", "1").exitCode());
        assertNotEquals(LocalEngine.imageId(local + ":1"), LocalEngine.imageId(local + ":latest"), "the setup needs a stale local latest");

        Commands.Result pushed = dhpush("push", "--repository", repository, "--tag", "1", "--latest");
        assertEquals(0, pushed.exitCode(), pushed.toString());
        assertTrue(pushed.stderr().contains("notice: tag latest now names image " + LocalEngine.imageId(local + ":1")), pushed.stderr());
        assertEquals(LocalEngine.imageId(local + ":1"), LocalEngine.imageId(local + ":latest"), "local latest follows the first tag");
        String one = Skopeo.digest(registry.address(), repository, "1");
        assertEquals(one, Skopeo.digest(registry.address(), repository, "latest"), "the registry's latest is not tag 1's image");
        assertEquals(one, verifiedDigest(pushed, "latest"));
        LocalEngine.removeImages(local + ":1", local + ":latest");
    }

    @Test
    void aTagThatHeldAnotherImage_isReportedAsMoving_withBothDigests_alsoInJson() throws Exception {
        String repository = "team/moving";
        Commands.Result first = dhpush("--context", context("first " + System.nanoTime()).toString(), "--repository", repository,
                "--tag", "shared");
        assertEquals(0, first.exitCode(), first.toString());
        String before = verifiedDigest(first, "shared");
        Commands.Result second = dhpush("--context", context("second " + System.nanoTime()).toString(), "--repository", repository,
                "--tag", "shared", "--json");
        assertEquals(0, second.exitCode(), second.toString());
        String after = Skopeo.digest(registry.address(), repository, "shared");
        assertNotEquals(before, after);
        assertTrue(second.stdout().contains("{\"event\":\"moved\",\"tag\":\"shared\",\"from\":\"" + before + "\",\"to\":\"" + after + "\"}"),
                second.stdout());
        Commands.Result third = dhpush("--context", context("third " + System.nanoTime()).toString(), "--repository", repository,
                "--tag", "shared");
        assertTrue(third.stderr().contains("notice: tag shared moves from " + after + " to " + verifiedDigest(third, "shared")),
                third.stderr());
    }

    @Test
    void noOverwrite_refusesToMoveATag_exit9_showingBothDigests_andTheRegistryKeepsWhatItHad() {
        String repository = "team/kept";
        Commands.Result first = dhpush("--context", context("kept " + System.nanoTime()).toString(), "--repository", repository,
                "--tag", "1.0");
        assertEquals(0, first.exitCode(), first.toString());
        String held = verifiedDigest(first, "1.0");

        Commands.Result refused = dhpush("--context", context("other " + System.nanoTime()).toString(), "--repository", repository,
                "--tag", "1.0", "--latest", "--no-overwrite");
        assertEquals(9, refused.exitCode(), refused.toString());
        String rebuilt = LocalEngine.imageId(registry.address() + "/" + repository + ":1.0");
        assertTrue(refused.stderr().contains("error: push " + registry.address() + "/" + repository + ": tag 1.0 already holds " + held
                + ", not this image (" + rebuilt + "); nothing was pushed"), refused.stderr());
        assertTrue(refused.stderr().contains("hint: push under a new tag, or leave out --no-overwrite to move 1.0"), refused.stderr());
        assertFalse(refused.stderr().contains("==> push"), "a push began: " + refused.stderr());
        assertEquals(held, Skopeo.digest(registry.address(), repository, "1.0"), "the registry's tag moved");
        assertEquals(null, Skopeo.digest(registry.address(), repository, "latest"), "latest was pushed although the run was refused");
    }

    @Test
    void noOverwrite_stillMovesLatest() {
        String repository = "team/latest-moves";
        assertEquals(0, dhpush("--context", context("a " + System.nanoTime()).toString(), "--repository", repository,
                "--tag", "1", "--latest").exitCode());
        Commands.Result second = dhpush("--context", context("b " + System.nanoTime()).toString(), "--repository", repository,
                "--tag", "2", "--latest", "--no-overwrite");
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals(Skopeo.digest(registry.address(), repository, "2"), Skopeo.digest(registry.address(), repository, "latest"));
    }

    @Test
    void anIdenticalRerun_reportsTheTagsUnchanged_andPushesNothing() {
        String repository = "team/rerun";
        Path context = context("same " + System.nanoTime());
        Commands.Result first = dhpush("--context", context.toString(), "--repository", repository, "--tag", "7", "--latest");
        assertEquals(0, first.exitCode(), first.toString());
        Commands.Result again = dhpush("--context", context.toString(), "--repository", repository, "--tag", "7", "--latest",
                "--no-overwrite");
        assertEquals(0, again.exitCode(), again.toString());
        String digest = verifiedDigest(first, "7");
        assertTrue(again.stderr().contains("notice: tag 7 unchanged: the registry already serves this image as " + digest
                + "; not pushed again"), again.stderr());
        assertTrue(again.stderr().contains("notice: tag latest unchanged"), again.stderr());
        assertFalse(again.stderr().contains("==> push"), "an unchanged tag was pushed again: " + again.stderr());
        assertEquals(digest, verifiedDigest(again, "7"));
    }

    /**
     * Two publishes of one tag at once on one engine: whatever the interleaving, a run that fails says why (exit 7 with
     * both digests when the other moved the registry's tag before it verified; exit 6 when the other's build took the
     * local name and what was pushed cannot be shown to be this run's image), and the tag ends serving the image of a
     * run that verified, or the one an exit-6 run named: never a green run that pushed the other's image.
     */
    @Test
    void twoPublishesOfOneTagAtOnce_withAndWithoutNoOverwrite_endWithTheTagServingARunThatVerified() throws Exception {
        race("team/race");
        race("team/race-no-overwrite", "--no-overwrite");
    }

    private static void race(String repository, String... extra) throws Exception {
        Path first = context("race one " + System.nanoTime());
        Path second = context("race two " + System.nanoTime());
        List<String> common = new java.util.ArrayList<>(List.of("--repository", repository, "--tag", "1"));
        common.addAll(List.of(extra));
        var one = java.util.concurrent.CompletableFuture.supplyAsync(() -> dhpush(withContext(first, common)));
        var two = java.util.concurrent.CompletableFuture.supplyAsync(() -> dhpush(withContext(second, common)));
        List<Commands.Result> runs = List.of(one.get(), two.get());
        String served = registry.manifestDigest(repository, "1", null, null);
        List<String> green = new java.util.ArrayList<>();
        for (Commands.Result run : runs) {
            if (run.exitCode() == 9) {
                assertTrue(extra.length > 0, "exit 9 only with --no-overwrite: " + run);
                assertTrue(run.stderr().contains("nothing was pushed"), run.stderr());
                continue;
            }
            if (run.exitCode() == 6) {
                // The local name moved under this push (TAG_MOVED), or the registry refused a manifest while the other
                // run's push was under way (docker-registry answered 400 to the containerd store's concurrent PUT once):
                // a push failure, said in one line.
                assertEquals(1, run.stderr().lines().filter(line -> line.startsWith("error: push ")).count(), run.stderr());
                continue;
            }
            Matcher pushed = PUSHED.matcher(run.stderr());
            assertTrue(pushed.find(), "the run pushed: " + run);
            String own = pushed.group(1);
            if (run.exitCode() == 0) {
                assertEquals(own, verifiedDigest(run, "1"), "a run that verifies verified what it pushed: " + run);
                // Its own image: the manifest's config is the image it built (classic store), or the manifest is (containerd's).
                String built = run.stderr().lines().filter(line -> line.startsWith("built ")).findFirst().orElseThrow()
                        .split(" ")[1];
                String config = new com.fasterxml.jackson.databind.ObjectMapper().readTree(registry.manifest(repository, own, null, null))
                        .path("config").path("digest").asText();
                assertTrue(built.equals(config) || built.equals(own), "a green run pushed the image it built (" + built + "): " + run);
                green.add(own);
            } else {
                assertEquals(7, run.exitCode(), run.toString());
                assertTrue(run.stderr().contains("the registry serves ") && run.stderr().contains(", expected " + own),
                        "exit 7 names the digest served and the one pushed: " + run.stderr());
            }
        }
        // Never a manifest no run named: the tag serves what a green run verified, or what a failed run said it pushed.
        String allOutput = runs.stream().map(Commands.Result::stderr).reduce("", String::concat);
        if (green.isEmpty()) {
            // A push failed (exit 6); the other run found the tag taken (9), moved before it verified (7), or failed too.
            List<Integer> codes = runs.stream().map(Commands.Result::exitCode).sorted().toList();
            assertTrue(codes.get(0) == 6 && List.of(6, 7, 9).contains(codes.get(1)), "no run verified: " + runs);
            assertTrue(served == null || allOutput.contains(served), "the tag serves " + served + ", which no run named: " + runs);
        } else {
            assertTrue(green.contains(served) || allOutput.contains("(" + served + ")"),
                    "the tag serves " + served + ", the image of a run that verified or the one an exit-6 run named: " + runs);
        }
        LocalEngine.removeImages(registry.address() + "/" + repository + ":1");
    }

    private static String[] withContext(Path context, List<String> arguments) {
        List<String> all = new java.util.ArrayList<>(List.of("--context", context.toString()));
        all.addAll(arguments);
        return all.toArray(String[]::new);
    }
}
