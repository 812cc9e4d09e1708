package dev.nsg.dhpush.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where Go's regexp and Java's read the same text differently, the translation must answer as Go does. */
class GoRegexpTest {

    private static boolean matches(String goRegex, String text) throws Exception {
        return GoRegexp.compile(goRegex).matcher(text).find();
    }

    @ParameterizedTest(name = "[{index}] Go {0} on \"{1}\": {2}")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
            // $ is the end of the text, not also before a final newline
            "'^a$' 'a\n' false", "'^a$' a true",
            // . excludes only newline (Java's also excludes \r, U+0085, U+2028, U+2029)
            "'^a.$' 'a\r' true", "'^a.$' 'a\u2028' true", "'^a.$' 'a\n' false",
            // \s has no vertical tab in Go
            "'^\\s$' '\u000b' false", "'^\\s$' '\t' true", "'^[^\\S]$' '\u000b' false", "'^[^\\S]$' ' ' true",
            // brackets: no nesting, no intersection, a first ] is literal, - where it cannot join is literal
            "'^[a[b]$' '[' true", "'^[a&&b]$' '&' true", "'^[]a]$' ']' true", "'^[a-]$' '-' true", "'^[-a]$' '-' true",
            "'^[^a]$' '\n' true", "'^[[:^digit:]]$' x true", "'^[[:word:]]$' '_' true", "'^[\\d\\W]$' '!' true",
            // escapes: punctuation is literal, octal and hex are characters
            "'^\\.$' . true", "'^\\.$' x false", "'^\\101$' A true", "'^\\0101$' '\u00081' true", "'^\\x{263a}$' '\u263a' true",
            // \Q…\E quotes, classes by Unicode category and script
            "'^\\Qa.b\\E$' a.b true", "'^\\Qa.b\\E$' axb false", "'^\\pL$' 'ж' true", "'^\\p{Greek}$' 'α' true",
            "'^\\P{Greek}$' 'α' false",
    })
    void translation_matchesAsGoDoes(String goRegex, String text, boolean expected) throws Exception {
        assertEquals(expected, matches(goRegex, text));
    }

    @ParameterizedTest(name = "[{index}] Go refuses {0}")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
            "'[a'", "'[b-a]'", "'a**'", "'*a'", "'\\'", "'\\q'", "'\\1'", "'\\x{'", "'[[:nosuch:]]'", "'\\p{NoSuchScript}'",
            "'(a'", "'a)'", "'\\C'", "'[\\b]'",
    })
    void translation_refusesWhatGoRefuses(String goRegex) {
        assertThrows(GoRegexp.SyntaxError.class, () -> GoRegexp.compile(goRegex));
    }
}
