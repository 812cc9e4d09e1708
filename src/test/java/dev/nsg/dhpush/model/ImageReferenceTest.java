package dev.nsg.dhpush.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.nsg.dhpush.failure.InvalidInputException;

class ImageReferenceTest {

    @ParameterizedTest(name = "[{index}] --registry {0} --repository {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "-, willfifensg/nsg-basic-django-app, docker.io/willfifensg/nsg-basic-django-app",
            "-, alpine, docker.io/library/alpine",
            "index.docker.io, user/app, docker.io/user/app",
            "index.docker.io, app, docker.io/library/app",
            "localhost:5000, team/app, localhost:5000/team/app",
            "-, localhost:5000/app, localhost:5000/app",
            "-, registry.example.com/a/b/c, registry.example.com/a/b/c",
            "-, docker.io/user/app, docker.io/user/app",
            "-, a__b/c-d.e_f, docker.io/a__b/c-d.e_f",
    })
    void parse_normalisesLikeTheDockerCli(String registry, String repository, String full) {
        assertEquals(full, ImageReference.parse(registry, repository).fullName());
    }

    @Test
    void dockerHub_engineNameOmitsTheRegistry_andApiHostIsTheV2Host() {
        ImageReference hub = ImageReference.parse(null, "user/app");
        assertEquals("user/app", hub.engineName());
        assertEquals(DockerHub.API_HOST, hub.apiHost());
        assertEquals(DockerHub.AUTH_CONFIG_KEY, hub.authConfigKey());
        ImageReference local = ImageReference.parse("127.0.0.1:5000", "app");
        assertEquals("127.0.0.1:5000/app", local.engineName());
        assertEquals("127.0.0.1:5000", local.authConfigKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"User/app", "user/App", "user//app", "user/app/", "-user/app", "user/app:1.0",
            "user/app@sha256:abc", "user/a..b", "user/a_-b", " "})
    void parse_rejectsNamesOutsideTheReferenceGrammar_withExit2(String repository) {
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> ImageReference.parse(null, repository));
        assertEquals(2, failure.exitCode().code());
        assertTrue(failure.getMessage().startsWith("invalid repository"), failure.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1:99999|the port must be 1 to 65535", "127.0.0.1:0|the port must be 1 to 65535",
            "registry.example.com:1234567|the port must be 1 to 65535",
            "https://127.0.0.1:5000|a URL, where a host name with an optional :port is asked for",
            "http://localhost:5000/v2/|a URL, where a host name with an optional :port is asked for",
    })
    void parse_rejectsARegistryWithABadPortOrAScheme(String registry, String rule) {
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> ImageReference.parse(registry, "team/app"));
        assertEquals(InvalidInputException.Problem.REGISTRY, failure.problem());
        assertTrue(failure.getMessage().contains(rule), failure.getMessage());
    }

    @Test
    void parse_rejectsABadRegistryHost() {
        assertThrows(InvalidInputException.class, () -> ImageReference.parse("bad host", "app"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "latest", "v1.2.3", "build_42", "A-b.C_d"})
    void tag_acceptsTheGrammar(String tag) {
        assertEquals(tag, Tag.of(tag).value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            ".hidden; must start with a letter, digit or underscore",
            "-dash; must start with a letter, digit or underscore",
            "a/b; only letters, digits",
            "with space; only letters, digits",
            "a:b; only letters, digits",
    })
    void tag_rejectsAndSaysWhichRuleItBreaks(String tag, String rule) {
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> Tag.of(tag));
        assertTrue(failure.getMessage().contains(rule), failure.getMessage());
    }

    @Test
    void tag_rejectsMoreThan128Characters() {
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> Tag.of("a".repeat(129)));
        assertTrue(failure.getMessage().contains("limit is 128"), failure.getMessage());
    }

    @Test
    void digest_acceptsSha256Only() {
        assertEquals("sha256:" + "a".repeat(64), Digest.of("sha256:" + "a".repeat(64)).value());
        assertThrows(InvalidInputException.class, () -> Digest.of("sha256:" + "A".repeat(64)));
        assertThrows(InvalidInputException.class, () -> Digest.of("md5:abc"));
    }
}
