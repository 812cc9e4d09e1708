package dev.nsg.dhpush.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.nsg.dhpush.failure.InvalidInputException;

/**
 * moby/patternmatcher's own tables (patternmatcher_test.go: TestMatches through MatchesOrParentMatches, TestCompile),
 * run against dhpush's port, plus the bracket and escape cases the docker CLI was seen to decide (DockerIgnoreIT
 * asks the CLI itself).
 */
class PatternMatcherCasesTest {

    private static boolean excluded(String path, String... patterns) {
        return DockerIgnore.fromPatterns(List.of(patterns)).excludes(path);
    }

    @ParameterizedTest(name = "[{index}] {0} on {1}: {2}")
    @CsvSource(delimiter = ' ', value = {
            "** file exact", "** file/ exact", "**/ file exact", "**/ file/ exact", "** / exact", "**/ / exact",
            "** dir/file exact", "**/ dir/file exact", "** dir/file/ exact", "**/ dir/file/ exact", "**/** dir/file exact",
            "**/** dir/file/ exact", "dir/** dir/file exact", "dir/** dir/file/ exact", "dir/** dir/dir2/file exact",
            "dir/** dir/dir2/file/ exact", "**/dir dir exact", "**/dir dir/file inexact", "**/dir2/* dir/dir2/file exact",
            "**/dir2/* dir/dir2/file/ inexact", "**/dir2/** dir/dir2/dir3/file exact", "**/dir2/** dir/dir2/dir3/file/ exact",
            "**file file exact", "**file dir/file exact", "**/file dir/file exact", "**file dir/dir/file exact",
            "**/file dir/dir/file exact", "**/file* dir/dir/file exact", "**/file* dir/dir/file.txt exact",
            "**/file*txt dir/dir/file.txt exact", "**/file*.txt dir/dir/file.txt exact", "**/file*.txt* dir/dir/file.txt exact",
            "**/**/*.txt dir/dir/file.txt exact", "**/**/*.txt2 dir/dir/file.txt fail", "**/*.txt file.txt exact",
            "**/**/*.txt file.txt exact", "a**/*.txt a/file.txt exact", "a**/*.txt a/dir/file.txt exact",
            "a**/*.txt a/dir/dir/file.txt exact", "a/*.txt a/dir/file.txt fail", "a/*.txt a/file.txt exact",
            "a/*.txt** a/file.txt exact", "a[b-d]e ae fail", "a[b-d]e ace exact", "a[b-d]e aae fail", "a[^b-d]e aze exact",
            ".* .foo exact", ".* foo fail", "abc.def abcdef fail", "abc.def abc.def exact", "abc.def abcZdef fail",
            "abc?def abcZdef exact", "abc?def abcdef fail", "**/foo/bar foo/bar exact", "**/foo/bar dir/foo/bar exact",
            "**/foo/bar dir/dir2/foo/bar exact", "abc/** abc fail", "abc/** abc/def exact", "abc/** abc/def/ghi exact",
            "**/.foo .foo exact", "**/.foo bar.foo fail", "a(b)c/def a(b)c/def exact", "a(b)c/def a(b)c/xyz fail",
            "a.|)$(}+{bc a.|)$(}+{bc exact",
            "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl exact",
            "dist/*.whl dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl exact", "a\\\\ a\\ exact", "a\\*b a*b exact",
    })
    void matchesOrParentMatches_asPatternmatcher(String pattern, String path, String pass) {
        assertEquals(!pass.equals("fail"), excluded(path, pattern));
    }

    @Test
    void multiplePatterns_asPatternmatcher() {
        assertEquals(false, excluded("util/docker/web/foo", "**", "!util/docker/web"));
        assertEquals(true, excluded("util/docker/web/foo", "**", "!util/docker/web", "util/docker/web/foo"));
        assertEquals(false, excluded("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "**",
                "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"));
        assertEquals(false, excluded("dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "**", "!dist/*.whl"));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} {2}")
    @CsvSource(delimiter = ' ', value = {
            "* regex ^[^/]*$", "file* regex ^file[^/]*$", "*file regex ^[^/]*file$", "a*/b regex ^a[^/]*/b$", "** suffix -",
            "**/** regex ^(.*/)?.*$", "dir/** prefix -", "**/dir suffix -", "**/dir2/* regex ^(.*/)?dir2/[^/]*$",
            "**/dir2/** regex ^(.*/)?dir2/.*$", "**file suffix -", "**/file*txt regex ^(.*/)?file[^/]*txt$",
            "**/**/*.txt regex ^(.*/)?(.*/)?[^/]*\\.txt$", "a[b-d]e regex ^a[b-d]e$", ".* regex ^\\.[^/]*$", "abc.def exact -",
            "abc?def regex ^abc[^/]def$", "**/foo/bar suffix -", "a(b)c/def exact -", "a.|)$(}+{bc exact -",
            "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl exact -",
    })
    void compile_asPatternmatcher(String pattern, String type, String regex) {
        IgnorePattern compiled = new IgnorePattern(pattern, 0);
        assertEquals(type, compiled.matchType(), pattern);
        if (regex.equals("-")) {
            assertNull(compiled.goRegex(), pattern);
        } else {
            assertEquals(regex, compiled.goRegex(), pattern);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} is refused")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {"[", "[]a]", "[-]", "[x-]", "[a-b-c]", "\\", "!", "a/[", "[^"})
    void malformedPatterns_areRefusedWhenRead_namingTheLine(String pattern) {
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> DockerIgnore.parse("ok\n" + pattern + "\n"));
        assertTrue(failure.getMessage().contains("(line 2)"), failure.getMessage());
        assertEquals(InvalidInputException.Problem.DOCKERIGNORE, failure.problem());
    }

    @ParameterizedTest(name = "[{index}] {0} is refused only when matched")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {"[Local-Only]/", "[b-a]", "[[:alpha:]", "[[:nosuch:]]", "\\q", "\\1",
            "[\\x{41}]"})
    void patternsGosRegexpRefuses_passTheReadAndFailWhenMatched(String pattern) {
        DockerIgnore ignore = DockerIgnore.parse(pattern + "\n");
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> ignore.excludes("x"));
        assertTrue(failure.getMessage().contains("syntax error in pattern"), failure.getMessage());
        // A pattern never evaluated never fails, as with patternmatcher: an exclusion only runs after a match.
        assertEquals(false, DockerIgnore.parse("nothing-matches\n!" + pattern + "\n").excludes("x"));
    }

    /** What `docker build` (classic builder, docker CLI 28) left out of a context of one-character names, and more. */
    @ParameterizedTest(name = "[{index}] {0} excludes {1}")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
            "[*] ]", "[*] []", "[!a] !", "[!a] a", "[^a] b", "[\\]] ]", "[[:digit:]] 1", "[a&&b] a", "[a&&b] b", "[a&&b] &",
            "[a[b]] a]", "[a[b]] []", "a] a]", "\\d 1", "[\\d] 1", "[\\s] ' '", "\\x41 A", "\\101 A", "[\\x41-\\x43] B",
    })
    void brackets_andEscapes_excludeWhatDockerExcludes(String pattern, String path) {
        assertTrue(excluded(path, pattern), pattern + " on " + path);
    }

    @ParameterizedTest(name = "[{index}] {0} keeps {1}")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
            "[*] a", "[!a] b", "[^a] a", "[[:digit:]] a", "[a&&b] c", "[a[b]] a", "[a[b]] b", "a] a", "\\d d", "[\\s] '\u000b'",
    })
    void brackets_andEscapes_keepWhatDockerKeeps(String pattern, String path) {
        assertEquals(false, excluded(path, pattern), pattern + " on " + path);
    }
}
