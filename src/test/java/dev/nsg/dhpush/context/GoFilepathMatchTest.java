package dev.nsg.dhpush.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's own path/filepath match_test.go table (Unix), which patternmatcher's TestMatch repeats. */
class GoFilepathMatchTest {

    @ParameterizedTest(name = "[{index}] Match({0}, {1}) = {2}")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
            "abc abc true", "* abc true", "*c abc true", "a* a true", "a* abc true", "a* ab/c false", "a*/b abc/b true",
            "a*/b a/c/b false", "a*b*c*d*e*/f axbxcxdxe/f true", "a*b*c*d*e*/f axbxcxdxexxx/f true",
            "a*b*c*d*e*/f axbxcxdxe/xxx/f false", "a*b*c*d*e*/f axbxcxdxexxx/fff false", "a*b?c*x abxbbxdbxebxczzx true",
            "a*b?c*x abxbbxdbxebxczzy false", "ab[c] abc true", "ab[b-d] abc true", "ab[e-g] abc false", "ab[^c] abc false",
            "ab[^b-d] abc false", "ab[^e-g] abc true", "a\\*b a*b true", "a\\*b ab false", "a?b a☺b true", "a[^a]b a☺b true",
            "a???b a☺b false", "a[^a][^a][^a]b a☺b false", "[a-ζ]* α true", "*[a-ζ] A false", "a?b a/b false",
            "a*b a/b false", "[\\]a] ] true", "[\\-] - true", "[x\\-] x true", "[x\\-] - true", "[x\\-] z false",
            "[\\-x] x true", "[\\-x] - true", "[\\-x] a false", "*x xxx true",
    })
    void match_asGoMatchesIt(String pattern, String name, boolean matches) throws Exception {
        assertEquals(matches, GoFilepathMatch.match(pattern, name));
    }

    @ParameterizedTest(name = "[{index}] Match({0}, {1}) is ErrBadPattern")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
            "[]a] ]", "[-] -", "[x-] x", "[x-] -", "[x-] z", "[-x] x", "[-x] -", "[-x] a", "\\ a", "[a-b-c] a", "[ a",
            "[^ a", "[^bc a", "a[ a", "a[ ab", "a[ x", "a/b[ x", "*[ a", "a*[ b",
    })
    void match_refusesWhatGoRefuses_evenAfterAMismatch(String pattern, String name) {
        assertThrows(GoFilepathMatch.BadPatternException.class, () -> GoFilepathMatch.match(pattern, name));
    }
}
