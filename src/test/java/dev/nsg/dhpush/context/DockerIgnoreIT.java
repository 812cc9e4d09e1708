package dev.nsg.dhpush.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.EngineMatrix;
import dev.nsg.dhpush.testing.Dhpush;
import dev.nsg.dhpush.testing.LocalEngine;

/**
 * The docker CLI is the reference for .dockerignore: each context is built by {@code docker build} (classic builder)
 * and by dhpush into an image that copies the whole context, and the two images must hold the same files, with the
 * same types, modes and link targets.
 */
@Tag(EngineMatrix.TAG)
class DockerIgnoreIT {

    private static final String REFERENCE = "dhpush-it/ignore-reference";
    private static final String CANDIDATE = "dhpush-it/ignore-dhpush";

    @BeforeAll
    static void engine() {
        LocalEngine.require();
    }

    @AfterAll
    static void cleanUp() {
        LocalEngine.removeImages(REFERENCE + ":latest", CANDIDATE + ":latest");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no .dockerignore", null),
                Arguments.of("comments, blanks and spaces", "# a comment\n\n   *.log   \n"),
                Arguments.of("exclusion after wildcard", "*.log\n!keep.log\n"),
                Arguments.of("double star anywhere", "**/*.tmp\n"),
                Arguments.of("directory with re-included subtree", "build\n!build/keep/**\n"),
                Arguments.of("leading slash and dot", "/docs\n./src/main\n!docs/README.md\n"),
                Arguments.of("everything but a few", "*\n!src\n!Dockerfile\n"),
                Arguments.of("double star with re-include", "**\n!**/*.md\n"),
                Arguments.of("single character and classes", "?.txt\n[ab]*\nsrc/*/deep\n"),
                Arguments.of("Dockerfile and .dockerignore excluded", "Dockerfile\n.dockerignore\nlogs\n"),
                Arguments.of("middle double star", "a/**/z\n"),
                Arguments.of("escaped and odd names", "dir\\ with\\ space\nunicode-*\n"),
                // Brackets and escapes reach Go's regexp as they are: read as Go reads them, not as Java would.
                Arguments.of("a star inside brackets", "[*]\n"),
                Arguments.of("an exclamation mark inside brackets is literal", "[!a]\n"),
                Arguments.of("negated class", "[^a]\n"),
                Arguments.of("ampersands and a bracket inside brackets", "[a&&b]\n[x[y]]\n"),
                Arguments.of("escaped closing bracket and a stray one", "[\\]]\nq]\n"),
                Arguments.of("POSIX class and Perl escapes", "[[:digit:]]\n\\w\\w.txt\n"),
                Arguments.of("octal and hex escapes", "\\141.txt\n\\x62.txt\n"));
    }

    /**
     * Patterns docker refuses: Go's filepath.Match refuses the first ones, Go's regexp the last three (its \\x takes
     * ASCII hex digits only, where Java's parsers would read Arabic-Indic digits as 3s).
     */
    static Stream<Arguments> refused() {
        return Stream.of(Arguments.of("["), Arguments.of("[]a]"), Arguments.of("[x-]"), Arguments.of("[a-b-c]"),
                Arguments.of("\\"), Arguments.of("[b-a]"), Arguments.of("[[:alpha:]"), Arguments.of("\\x\u0663\u0663"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refused")
    void aPatternTheDockerCliRefuses_isRefusedWithExit2_namingTheLine(String pattern) throws IOException {
        Path context = sampleContext("*.log\n" + pattern + "\n");
        Commands.Result reference = LocalEngine.dockerBuild(REFERENCE, context);
        assertTrue(reference.exitCode() != 0 && reference.stderr().contains("syntax error in pattern"),
                "docker build accepted " + pattern + ": " + reference);
        Commands.Result candidate = Dhpush.run(Map.of(), null, "build", "--context", context.toString(),
                "--repository", CANDIDATE, "--tag", "latest", "--quiet");
        assertEquals(2, candidate.exitCode(), candidate.toString());
        assertTrue(candidate.stderr().contains("error: invalid .dockerignore pattern \"" + pattern + "\" (line 2): syntax error in pattern"),
                candidate.stderr());
        assertTrue(candidate.stderr().contains("hint: fix or remove that line of .dockerignore"), candidate.stderr());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void dhpushSendsTheSameContextAsTheDockerCli(String name, String dockerignore) throws IOException {
        Path context = builtByDocker(dockerignore);
        Commands.Result candidate = Dhpush.run(Map.of(), null, "build", "--context", context.toString(),
                "--repository", CANDIDATE, "--tag", "latest", "--quiet");
        assertEquals(0, candidate.exitCode(), "dhpush build failed: " + candidate);
        TreeSet<String> expected = filesIn(REFERENCE);
        assertFalse(expected.isEmpty(), "the reference image holds nothing under /ctx: the comparison would prove nothing");
        assertEquals(String.join("\n", expected), String.join("\n", filesIn(CANDIDATE)), "for .dockerignore:\n" + dockerignore);
    }

    /**
     * {@code dhpush context} lists what the docker CLI sends: every path, type, size and link target the reference
     * image holds under /ctx (with the parent directories unpacking creates). The Dockerfile and .dockerignore are
     * left out of the comparison: the CLI always sends them, and the engine's classic builder then deletes them from
     * the context when .dockerignore names them.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void contextListsWhatTheDockerCliSends(String name, String dockerignore) throws IOException {
        Path context = builtByDocker(dockerignore);
        Commands.Result listed = Dhpush.run(Map.of(), null, "context", "--context", context.toString(), "--json");
        assertEquals(0, listed.exitCode(), listed.toString());
        TreeSet<String> candidate = new TreeSet<>();
        for (JsonNode entry : new ObjectMapper().readTree(listed.stdout()).get("entries")) {
            String type = entry.get("type").asText();
            // An excluded directory walked for a '!' line is not sent itself; unpacking creates it as a parent.
            String path = entry.get("path").asText();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                candidate.add(path.substring(0, slash) + "/");
            }
            candidate.add(entry.get("path").asText() + switch (type) {
                case "file" -> " " + entry.get("size").asLong();
                case "directory" -> "/";
                case "symlink" -> " -> " + entry.get("linkTarget").asText();
                default -> " " + type;
            });
        }
        TreeSet<String> expected = new TreeSet<>();
        for (TarEntry entry : exported(REFERENCE)) {
            if (entry.name().startsWith("ctx/")) {
                String path = entry.name().substring("ctx/".length());
                expected.add(path + switch (entry.type()) {
                    case '0' -> " " + entry.content().length;
                    case '5' -> "/";
                    case '2' -> " -> " + entry.linkName();
                    default -> " type " + entry.type();
                });
            }
        }
        candidate.removeIf(BUILD_FILES);
        expected.removeIf(BUILD_FILES);
        assertFalse(expected.isEmpty(), "the reference image holds nothing under /ctx: the comparison would prove nothing");
        assertEquals(String.join("\n", expected), String.join("\n", candidate), "for .dockerignore:\n" + dockerignore);
    }

    private static final java.util.function.Predicate<String> BUILD_FILES =
            line -> line.startsWith("Dockerfile ") || line.startsWith(".dockerignore ");

    /** The sample context with this .dockerignore, built by docker build into the reference image. */
    private static Path builtByDocker(String dockerignore) throws IOException {
        Path context = sampleContext(dockerignore);
        Commands.Result reference = LocalEngine.dockerBuild(REFERENCE, context);
        assertEquals(0, reference.exitCode(), "docker build failed: " + reference);
        return context;
    }

    private static Path sampleContext(String dockerignore) throws IOException {
        Path dir = Files.createTempDirectory("dhpush-ignore-");
        write(dir, "Dockerfile", "FROM scratch\nCOPY . /ctx/\n");
        if (dockerignore != null) {
            write(dir, ".dockerignore", dockerignore);
        }
        for (String file : List.of("app.log", "keep.log", "a.txt", "b.txt", "ab.txt", "notes.md", "src/main/App.java",
                "src/main/deep/x.txt", "src/test/deep/y.txt", "src/README.md", "build/out.bin", "build/keep/kept.txt",
                "build/keep/sub/also.txt", "docs/README.md", "docs/guide.md", "tmp/file.tmp", "deep/er/file.tmp",
                "a/z", "a/b/c/z", "a/b/y", "logs/today.log", "dir with space/file", "unicode-\u00e9\u65e5.txt", "run.sh",
                "!", "]", "[", "&", "1", "a]", "^", "x", "y", "x]", "q]", "ab1.txt")) {
            write(dir, file, "content of " + file + "\n");
        }
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createDirectories(dir.resolve("empty/dir"));
        Files.createSymbolicLink(dir.resolve("link-to-a"), Path.of("a.txt"));
        Files.createSymbolicLink(dir.resolve("src/dangling"), Path.of("/nowhere/at/all"));
        return dir;
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** "type mode path -> link" for everything under /ctx of the image. */
    private static TreeSet<String> filesIn(String image) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        for (TarEntry entry : exported(image)) {
            if (entry.name().startsWith("ctx/")) {
                files.add(entry.type() + " " + Integer.toOctalString(entry.mode()) + " " + entry.name()
                        + (entry.linkName().isEmpty() ? "" : " -> " + entry.linkName()));
            }
        }
        return files;
    }

    /** The image's file system, as {@code docker export} writes it. */
    private static List<TarEntry> exported(String image) throws IOException {
        String container = LocalEngine.docker("create", image, "none").strip();
        Path export = Files.createTempFile("dhpush-export-", ".tar");
        try {
            LocalEngine.docker("export", "-o", export.toString(), container);
            return TarEntry.read(Files.readAllBytes(export));
        } finally {
            LocalEngine.docker("rm", container);
            Files.deleteIfExists(export);
        }
    }
}
