package dev.nsg.dhpush.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DockerfileInstructionsTest {

    private static final String MULTI_STAGE = """
            # syntax comment
            ARG BASE=busybox
            FROM ${BASE} AS builder
            WORKDIR /src
            ENV A=b
            RUN echo one && \\
                echo two
            RUN <<EOT
            FROM not-an-instruction
            EOT

            FROM scratch
            COPY --from=builder /src /src
            LABEL a=b
            RUN echo last
            """;

    @Test
    void lineOfStep_countsOnlyTheInstructionsBuildKitMakesStepsOf_inTheNamedStage() {
        DockerfileInstructions dockerfile = DockerfileInstructions.parse(MULTI_STAGE);
        assertEquals(Optional.of(3), dockerfile.lineOfStep("[builder 1/4] FROM docker.io/library/busybox"));
        assertEquals(Optional.of(4), dockerfile.lineOfStep("[builder 2/4] WORKDIR /src"));
        assertEquals(Optional.of(6), dockerfile.lineOfStep("[builder 3/4] RUN echo one &&     echo two"));
        assertEquals(Optional.of(8), dockerfile.lineOfStep("[builder 4/4] RUN <<EOT (echo …)"));
    }

    @Test
    void lineOfStep_findsUnnamedStagesByIndex_andSkipsTheFromOfScratch() {
        DockerfileInstructions dockerfile = DockerfileInstructions.parse(MULTI_STAGE);
        assertEquals(Optional.of(13), dockerfile.lineOfStep("[stage-1 1/2] COPY --from=builder /src /src"));
        assertEquals(Optional.of(15), dockerfile.lineOfStep("[stage-1 2/2] RUN echo last"));
        assertEquals(Optional.empty(), dockerfile.lineOfStep("[stage-1 3/3] RUN nothing"));
        assertEquals(Optional.empty(), dockerfile.lineOfStep("[internal] load build context"));
    }

    @Test
    void lineOfStep_inAOneStageDockerfile_andAfterAStageUsedAsBase() {
        DockerfileInstructions single = DockerfileInstructions.parse("FROM busybox\nCOPY a /a\n\nRUN false\n");
        assertEquals(Optional.of(4), single.lineOfStep("[3/3] RUN false"));
        DockerfileInstructions fromStage = DockerfileInstructions.parse("FROM busybox AS base\nRUN one\nFROM base\nRUN two\n");
        assertEquals(Optional.of(4), fromStage.lineOfStep("[stage-1 1/1] RUN two"));
    }

    @Test
    void heredocBodies_areNotReadAsInstructions() {
        DockerfileInstructions dockerfile = DockerfileInstructions.parse(MULTI_STAGE);
        assertTrue(dockerfile.hasHeredoc());
        assertEquals(2, dockerfile.all().stream().filter(instruction -> instruction.keyword().equals("FROM")).count());
    }
}
