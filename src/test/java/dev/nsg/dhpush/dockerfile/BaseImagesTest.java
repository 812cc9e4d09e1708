package dev.nsg.dhpush.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BaseImagesTest {

    private static String named(String dockerfile, Map<String, String> buildArgs) {
        return BaseImages.named(DockerfileInstructions.parse(dockerfile), buildArgs).stream()
                .map(image -> image.name() + (image.resolved() ? "" : " (unresolved)")).toList().toString();
    }

    @Test
    void globalArgs_areSubstituted_andABuildArgWins() {
        String dockerfile = "ARG PY=python:3.12-slim\nFROM ${PY} AS builder\nRUN x\nFROM $PY\n";
        assertEquals("[python:3.12-slim]", named(dockerfile, Map.of()));
        assertEquals("[python:3.13]", named(dockerfile, Map.of("PY", "python:3.13")));
    }

    @Test
    void scratchAndEarlierStages_areNotBaseImages_butALaterStageNameIs() {
        assertEquals("[base, debian:12]", named("FROM base AS one\nFROM one\nFROM scratch AS base\nFROM --platform=linux/amd64 debian:12\n",
                Map.of()));
    }

    @Test
    void anArgWithoutValue_isReportedAsWritten_andADefaultInTheReferenceApplies() {
        assertEquals("[${MISSING}/app (unresolved), alpine:3]", named("ARG MISSING\nFROM ${MISSING}/app\nFROM ${OS:-alpine}:3\n", Map.of()));
    }
}
