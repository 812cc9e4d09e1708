package dev.nsg.dhpush.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.nsg.dhpush.failure.InvalidInputException;

/** .dockerignore semantics, case by case as moby/patternmatcher decides them (DockerIgnoreIT compares with the CLI). */
class DockerIgnoreTest {

    @ParameterizedTest(name = "[{index}] patterns {0} on {1} -> excluded={2}")
    @CsvSource(delimiter = ';', value = {
            "*.log; app.log; true",
            "*.log; logs/app.log; false",
            "**/*.log; logs/deep/app.log; true",
            "**/*.log; app.log; true",
            "logs; logs/app.log; true",
            "logs/; logs/app.log; true",
            "/logs; logs/app.log; true",
            "logs/*; logs; false",
            "logs/*; logs/a/b.txt; true",
            "*|!keep.log; keep.log; false",
            "*|!keep.log; other.log; true",
            "*.log|!keep.log|keep.log; keep.log; true",
            "docs|!docs/README.md; docs/README.md; false",
            "docs|!docs/README.md; docs/other.md; true",
            "**; anything/at/all; true",
            "a/**/b; a/b; true",
            "a/**/b; a/x/y/b; true",
            "a/**/b; a/x/y/c; false",
            "**.go; deep/main.go; true",
            "**.go; main.go; true",
            "foo**; foobar/baz; true",
            "?.txt; a.txt; true",
            "?.txt; ab.txt; false",
            "[a-c].txt; b.txt; true",
            "[a-c].txt; d.txt; false",
            "a.b; axb; false",
            "a\\*b; a*b; true",
            "a\\*b; axb; false",
            "./dir/../file; file; true",
            "dir//sub; dir/sub/x; true",
            "# comment; # comment; false",
            "  spaced.txt  ; spaced.txt; true",
            "!*.txt; a.txt; false",
            "target|src; src/main/A.java; true",
    })
    void excludes_followsTheDockerCliRules(String patterns, String path, boolean excluded) {
        DockerIgnore ignore = DockerIgnore.parse(String.join("\n", patterns.split("\\|")));
        assertEquals(excluded, ignore.excludes(path));
    }

    @Test
    void parse_stripsTheByteOrderMarkOfTheFirstLine() {
        assertEquals(true, DockerIgnore.parse("\uFEFFsecret.txt\n").excludes("secret.txt"));
    }

    @Test
    void parse_handlesCrLfLineEndings() {
        DockerIgnore ignore = DockerIgnore.parse("a.txt\r\nb.txt\r\n");
        assertEquals(true, ignore.excludes("a.txt"));
        assertEquals(true, ignore.excludes("b.txt"));
    }

    @Test
    void parse_rejectsALoneExclamationMark() {
        assertThrows(InvalidInputException.class, () -> DockerIgnore.parse("!\n"));
    }

    @Test
    void parse_rejectsAnUnclosedBracket_withExit2() {
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> DockerIgnore.parse("[abc\n"));
        assertEquals(2, failure.exitCode().code());
    }

    @Test
    void keeping_reincludesTheDockerfileAndDockerignore_likeTheCli() {
        DockerIgnore ignore = DockerIgnore.parse("*\n").keeping(List.of(".dockerignore", "build/Dockerfile"));
        assertEquals(false, ignore.excludes(".dockerignore"));
        assertEquals(false, ignore.excludes("build/Dockerfile"));
        assertEquals(true, ignore.excludes("build/other"));
    }

    @Test
    void mayReincludeInside_onlyWhenAnExclusionStartsWithTheDirectory() {
        DockerIgnore ignore = DockerIgnore.parse("docs\n!docs/README.md\n");
        assertEquals(true, ignore.mayReincludeInside("docs"));
        assertEquals(false, ignore.mayReincludeInside("src"));
        assertEquals(false, DockerIgnore.parse("docs\n").mayReincludeInside("docs"));
    }

    @Test
    void cleanPath_matchesGoPathClean() {
        for (String[] pair : Arrays.asList(new String[][] {
                {"", "."}, {"a/b/../c", "a/c"}, {"../a", "../a"}, {"/../a", "/a"}, {"a//b/./c/", "a/b/c"}, {"./", "."}})) {
            assertEquals(pair[1], CleanPath.clean(pair[0]), pair[0]);
        }
    }
}
