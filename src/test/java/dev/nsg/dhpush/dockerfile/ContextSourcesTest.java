package dev.nsg.dhpush.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ContextSourcesTest {

    private static Optional<List<String>> of(String dockerfile, String target) {
        return ContextSources.of(DockerfileInstructions.parse(dockerfile), target);
    }

    @Test
    void theSourcesOfCopyAndAdd_inTheStagesTheTargetNeeds_cleanedFromTheRoot() {
        String dockerfile = """
                FROM busybox AS deps
                COPY requirements.txt ./reqs/../requirements.txt /app/
                FROM busybox AS unused
                COPY huge/ /huge/
                FROM deps
                COPY --chown=1:1 ["src", "/app/src"]
                ADD --link /static /app/static
                COPY --from=unused /huge /huge-too
                COPY <<EOF /app/inline
                not a file of the context
                EOF
                RUN --mount=type=bind,source=scripts,target=/s --mount=type=cache,target=/c true
                """;
        assertEquals(Optional.of(List.of("src", "static", "scripts", "huge", "requirements.txt")), of(dockerfile, null)
                .map(paths -> paths.stream().sorted((a, b) -> 0).toList()));
        assertEquals(Optional.of(List.of("requirements.txt")), of(dockerfile, "deps"));
    }

    @Test
    void aCopyOfTheWholeContext_oraVariable_meansTheWholeContext() {
        assertEquals(Optional.empty(), of("FROM busybox\nCOPY . /app\n", null));
        assertEquals(Optional.empty(), of("FROM busybox\nARG DIR=src\nCOPY $DIR /app\n", null));
        assertEquals(Optional.empty(), of("FROM busybox\nRUN --mount=type=bind,target=/ctx ls /ctx\n", null));
        assertEquals(Optional.of(List.of()), of("FROM busybox\nRUN true\n", null));
    }
}
