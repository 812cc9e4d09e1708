package dev.nsg.dhpush.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import dev.nsg.dhpush.dockerfile.DockerfileInstructions;
import dev.nsg.dhpush.dockerfile.DockerfileLabels;

class DockerfileLabelsTest {

    private static final String VERSION = "org.opencontainers.image.version";
    private static final String TITLE = "org.opencontainers.image.title";
    private static final String CREATED = "org.opencontainers.image.created";

    private static final Map<String, String> LABELS = Map.of(VERSION, "42", TITLE, "app", CREATED, "2026-11-26T00:00:00Z");

    private static Set<String> alreadySet(String text, String target) {
        DockerfileInstructions dockerfile = DockerfileInstructions.parse(text);
        return DockerfileLabels.alreadySet(dockerfile, target, LABELS, ImageMetadata.buildArgs(dockerfile, LABELS));
    }

    @Test
    void labelsFromBuildArgsAndLiteralsAreLeftToTheDockerfile() {
        String dockerfile = """
                FROM scratch
                ARG VERSION=dev
                ARG CREATED
                LABEL org.opencontainers.image.title="app" \\
                      org.opencontainers.image.version="${VERSION}" \\
                      # a comment inside the instruction
                      org.opencontainers.image.created=$CREATED
                """;
        assertEquals(Set.of(TITLE, VERSION, CREATED), alreadySet(dockerfile, null));
    }

    @Test
    void aDifferentLiteralOrAnUndeclaredArgKeepsTheLabel() {
        String dockerfile = """
                FROM scratch
                LABEL org.opencontainers.image.title=other org.opencontainers.image.version=${VERSION}
                """;
        assertEquals(Set.of(), alreadySet(dockerfile, null));
    }

    @Test
    void onlyTheFinalStageCounts() {
        String dockerfile = """
                FROM scratch AS build
                ARG VERSION
                LABEL org.opencontainers.image.version=$VERSION
                FROM scratch
                LABEL org.opencontainers.image.title=app
                """;
        assertEquals(Set.of(TITLE), alreadySet(dockerfile, null));
        assertEquals(Set.of(VERSION), alreadySet(dockerfile, "BUILD"));
        assertEquals(Set.of(), alreadySet(dockerfile, "missing"));
    }

    @Test
    void anEnvOfTheSameNameShadowsTheBuildArg() {
        String dockerfile = """
                FROM scratch
                ARG VERSION
                ENV VERSION=1.0
                LABEL org.opencontainers.image.version=${VERSION}
                """;
        assertEquals(Set.of(), alreadySet(dockerfile, null));
    }

    @Test
    void theLastAssignmentWinsAndAUserBuildArgIsTakenIntoAccount() {
        String dockerfile = """
                FROM scratch
                ARG VERSION
                LABEL org.opencontainers.image.version=$VERSION
                LABEL org.opencontainers.image.version="fixed"
                """;
        assertEquals(Set.of(), alreadySet(dockerfile, null));

        DockerfileInstructions fromArg = DockerfileInstructions.parse("FROM scratch\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION\n");
        Map<String, String> buildArgs = new LinkedHashMap<>(ImageMetadata.buildArgs(fromArg, LABELS));
        buildArgs.put("VERSION", "user");
        assertEquals(Set.of(), DockerfileLabels.alreadySet(fromArg, null, LABELS, buildArgs));
    }

    @Test
    void quotingEscapesAndTheBacktickEscapeDirective() {
        String dockerfile = """
                # escape=`
                FROM scratch
                ARG VERSION
                LABEL "org.opencontainers.image.title"='app' `
                      org.opencontainers.image.version="$VERSION" `
                      org.opencontainers.image.created='${CREATED}'
                """;
        assertEquals(Set.of(TITLE, VERSION), alreadySet(dockerfile, null));
    }

    @Test
    void valuesDhpushDoesNotResolveAreNeverClaimed() {
        String dockerfile = """
                FROM scratch
                ARG VERSION
                LABEL org.opencontainers.image.version=v${VERSION}
                LABEL org.opencontainers.image.title app
                LABEL org.opencontainers.image.created='2026-11-26T00:00:00Z'$VERSION
                """;
        assertEquals(Set.of(), alreadySet(dockerfile, null));
        String heredoc = "FROM scratch\nARG VERSION\nRUN <<EOF\nLABEL x=y\nEOF\nLABEL org.opencontainers.image.version=$VERSION\n";
        assertEquals(Set.of(), alreadySet(heredoc, null));
    }

    @Test
    void buildArgsAreOnlyThoseTheDockerfileDeclares() {
        DockerfileInstructions dockerfile = DockerfileInstructions.parse("FROM scratch\n# ARG REVISION is only mentioned here\narg VERSION CREATED=now\n");
        assertEquals(Map.of("VERSION", "42", "CREATED", "2026-11-26T00:00:00Z"), ImageMetadata.buildArgs(dockerfile, LABELS));
    }

    @Test
    void theProjectsDockerfileSetsEveryAutomaticLabelItself() throws Exception {
        DockerfileInstructions dockerfile = DockerfileInstructions.parse(Files.readString(Path.of("Dockerfile")));
        Map<String, String> labels = Map.of(TITLE, "nsg-basic-django-app", VERSION, "42", CREATED, "2026-11-26T00:00:00Z",
                "org.opencontainers.image.revision", "abc", "org.opencontainers.image.source", "https://example.invalid/repo");
        assertEquals(labels.keySet(), DockerfileLabels.alreadySet(dockerfile, null, labels, ImageMetadata.buildArgs(dockerfile, labels)));
    }
}
