package dev.nsg.dhpush.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.nsg.dhpush.failure.InvalidInputException;

/**
 * A .dockerignore line's brackets and backslash escapes reach Go's regexp as they are. Where Go and java.util.regex
 * read the same text differently, dhpush must read it as docker does (DockerIgnoreIT checks the same lines against
 * the docker CLI itself).
 */
class IgnorePatternRegexTest {

    private static boolean excluded(String pattern, String path) {
        return DockerIgnore.ofPatterns(List.of(pattern)).excludes(path);
    }

    @ParameterizedTest(name = "[{index}] {0} on \"{1}\": {2}")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
            // brackets: no nesting and no intersection (Java has both)
            "'[a&&b]' '&' true", "'[a&&b]' a true", "'[a&&b]' x false", "'[a[b]' '[' true", "'[a[b]' b true",
            // a negated class, a POSIX class, a Unicode category, Go's \s without the vertical tab
            "'[^a]' b true", "'[^a]' a false", "'[[:digit:]]' 5 true", "'[[:digit:]]' x false", "'\\pL' 'ж' true",
            "'\\pL' 5 false", "'x\\sy' 'x\ty' true", "'x\\sy' 'x\u000by' false",
            // hex and octal escapes are characters
            "'\\x62.txt' b.txt true", "'\\x62.txt' x62.txt false", "'\\141.txt' a.txt true",
    })
    void aPatternMeansWhatItMeansToGo(String pattern, String path, boolean expected) {
        assertEquals(expected, excluded(pattern, path));
    }

    /** Go refuses these when the pattern is first matched, and docker then refuses the build; so does dhpush. */
    @ParameterizedTest(name = "[{index}] Go refuses {0}")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
            // \x takes ASCII hex digits only: Java's Character.digit would read Arabic-Indic digits as 3s
            "'\\x٣٣' 'invalid escape sequence'", "'\\q' 'invalid escape sequence'", "'[[:nosuch:]]' 'invalid character class range'",
            "'\\p{NoSuchScript}' 'invalid character class range'", "'[b-a]' 'invalid character class range'",
    })
    void aPatternGoRefuses_isRefusedNamingGosReason(String pattern, String reason) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> excluded(pattern, "any"));
        assertTrue(refused.getMessage().contains("syntax error in pattern (Go's regexp: " + reason), refused.getMessage());
    }
}
