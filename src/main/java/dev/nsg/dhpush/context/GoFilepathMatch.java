package dev.nsg.dhpush.context;

/**
 * Go's {@code path/filepath.Match} on Unix, ported: moby/patternmatcher calls it on every .dockerignore pattern (against
 * ".") only for its error, and refuses the pattern when it reports one. Its rules are its own (a class needs an item
 * before its ']', '-' must join two items, '\' escapes inside and outside classes), so they are ported rather than
 * approximated. Runes where Go decodes runes ('?' and classes), characters elsewhere.
 */
final class GoFilepathMatch {

    /** Go's filepath.ErrBadPattern. */
    static final class BadPatternException extends Exception {
        BadPatternException() {
            super("syntax error in pattern");
        }
    }

    private GoFilepathMatch() {
    }

    static boolean match(String pattern, String name) throws BadPatternException {
        String rest = pattern;
        String remaining = name;
        nextChunk:
        while (!rest.isEmpty()) {
            int stars = 0;
            while (stars < rest.length() && rest.charAt(stars) == '*') {
                stars++;
            }
            boolean star = stars > 0;
            rest = rest.substring(stars);
            int end = chunkEnd(rest);
            String chunk = rest.substring(0, end);
            rest = rest.substring(end);
            if (star && chunk.isEmpty()) {
                // A trailing * matches the rest of the name unless it has a /.
                return remaining.indexOf('/') < 0;
            }
            String after = matchChunk(chunk, remaining);
            // The last chunk must use up the name; otherwise a star may still match more.
            if (after != null && (after.isEmpty() || !rest.isEmpty())) {
                remaining = after;
                continue;
            }
            if (star) {
                for (int i = 0; i < remaining.length() && remaining.charAt(i) != '/'; i++) {
                    String skipped = matchChunk(chunk, remaining.substring(i + 1));
                    if (skipped != null) {
                        if (rest.isEmpty() && !skipped.isEmpty()) {
                            continue;
                        }
                        remaining = skipped;
                        continue nextChunk;
                    }
                }
            }
            // Before answering false, the rest of the pattern must still be well formed.
            while (!rest.isEmpty()) {
                int skip = 0;
                while (skip < rest.length() && rest.charAt(skip) == '*') {
                    skip++;
                }
                rest = rest.substring(skip);
                int chunkEnd = chunkEnd(rest);
                matchChunk(rest.substring(0, chunkEnd), "");
                rest = rest.substring(chunkEnd);
            }
            return false;
        }
        return remaining.isEmpty();
    }

    /** Where the chunk (the part before the next * outside a class) ends: Go's scanChunk. */
    private static int chunkEnd(String pattern) {
        boolean inRange = false;
        int i = 0;
        for (; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                if (i + 1 < pattern.length()) {
                    i++;
                }
            } else if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                break;
            }
        }
        return i;
    }

    /**
     * Matches the chunk at the start of {@code s}: the rest of {@code s}, or null when it does not match. The whole
     * chunk is read even after a mismatch, so a malformed one always fails (Go's matchChunk since Go 1.16).
     */
    private static String matchChunk(String chunk, String s) throws BadPatternException {
        boolean failed = false;
        int c = 0;
        int at = 0;
        while (c < chunk.length()) {
            if (!failed && at >= s.length()) {
                failed = true;
            }
            char ch = chunk.charAt(c);
            if (ch == '[') {
                int rune = 0;
                if (!failed) {
                    rune = s.codePointAt(at);
                    at += Character.charCount(rune);
                }
                c++;
                boolean negated = c < chunk.length() && chunk.charAt(c) == '^';
                if (negated) {
                    c++;
                }
                boolean matched = false;
                int ranges = 0;
                while (true) {
                    if (c < chunk.length() && chunk.charAt(c) == ']' && ranges > 0) {
                        c++;
                        break;
                    }
                    int[] lo = escapedRune(chunk, c);
                    c = lo[1];
                    int hi = lo[0];
                    if (chunk.charAt(c) == '-') {
                        int[] high = escapedRune(chunk, c + 1);
                        hi = high[0];
                        c = high[1];
                    }
                    if (lo[0] <= rune && rune <= hi) {
                        matched = true;
                    }
                    ranges++;
                }
                if (matched == negated) {
                    failed = true;
                }
            } else if (ch == '?') {
                if (!failed) {
                    if (s.charAt(at) == '/') {
                        failed = true;
                    }
                    at += Character.charCount(s.codePointAt(at));
                }
                c++;
            } else {
                if (ch == '\\') {
                    c++;
                    if (c >= chunk.length()) {
                        throw new BadPatternException();
                    }
                }
                if (!failed) {
                    if (chunk.charAt(c) != s.charAt(at)) {
                        failed = true;
                    }
                    at++;
                }
                c++;
            }
        }
        return failed ? null : s.substring(at);
    }

    /** One class item, unescaped: {rune, index after it}. Go's getEsc: an item may not start with '-' or ']'. */
    private static int[] escapedRune(String chunk, int at) throws BadPatternException {
        if (at >= chunk.length() || chunk.charAt(at) == '-' || chunk.charAt(at) == ']') {
            throw new BadPatternException();
        }
        int i = at;
        if (chunk.charAt(i) == '\\') {
            i++;
            if (i >= chunk.length()) {
                throw new BadPatternException();
            }
        }
        int rune = chunk.codePointAt(i);
        i += Character.charCount(rune);
        if (i >= chunk.length()) {
            throw new BadPatternException(); // a class must be closed
        }
        return new int[] {rune, i};
    }
}
