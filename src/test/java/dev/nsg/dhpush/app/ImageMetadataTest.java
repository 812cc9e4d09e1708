package dev.nsg.dhpush.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nsg.dhpush.testing.Commands;

class ImageMetadataTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:34:56.789Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void created_isSourceDateEpoch_whenSet() {
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"),
                ImageMetadata.created(new SourceInfo(null, null, "1700000000"), directory, NOW));
    }

    @Test
    void created_isTheCommitTime_inAGitCheckout_soRebuildsOfOneCommitStayCached() {
        Map<String, String> committer = Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.invalid",
                "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.invalid",
                "GIT_AUTHOR_DATE", "2024-02-03T04:05:06Z", "GIT_COMMITTER_DATE", "2024-02-03T04:05:06Z");
        git(committer, "init", "-q");
        git(committer, "commit", "-q", "--allow-empty", "-m", "first");
        assertEquals(Instant.parse("2024-02-03T04:05:06Z"), ImageMetadata.created(SourceInfo.NONE, directory, NOW));
        assertEquals(Instant.parse("2023-11-14T22:13:20Z"),
                ImageMetadata.created(new SourceInfo(null, null, "1700000000"), directory, NOW), "SOURCE_DATE_EPOCH wins");
    }

    @Test
    void created_isNowInWholeSeconds_outsideGit_orWhenSourceDateEpochIsNotANumber() throws Exception {
        Path notGit = Files.createDirectories(directory.resolve("plain"));
        assertEquals(Instant.parse("2026-11-26T12:34:56Z"), ImageMetadata.created(SourceInfo.NONE, notGit, NOW));
        assertEquals(Instant.parse("2026-11-26T12:34:56Z"),
                ImageMetadata.created(new SourceInfo(null, null, "yesterday"), notGit, NOW));
    }

    @Test
    void source_dropsCredentialsFromTheRemoteUrl() {
        assertEquals("https://example.invalid/team/repo",
                ImageMetadata.withoutCredentials("https://user:not-a-secret@example.invalid/team/repo"));
        assertEquals("git@example.invalid:team/repo.git", ImageMetadata.withoutCredentials("git@example.invalid:team/repo.git"));
    }

    private void git(Map<String, String> environment, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        Commands.Result result = Commands.run(command, environment, null, null, 30);
        assertEquals(0, result.exitCode(), result.toString());
    }
}
