package dev.nsg.dhpush.context;

import java.util.List;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import dev.nsg.dhpush.failure.InvalidInputException;

/**
 * One .dockerignore pattern, checked and compiled exactly as moby/patternmatcher does: Go's filepath.Match must accept
 * it (else docker refuses the build), then it becomes a Go regular expression ('*' and '?' never cross '/', '**'
 * crosses any number of directories, a backslash escapes the next character, brackets pass through), which is
 * matched with Go's rules (RE2/J: Go's regexp package ported to Java, so brackets, escapes, {@code $} and {@code .} mean
 * what they mean to docker). Like patternmatcher, a regular expression Go cannot compile fails only
 * when the pattern is first matched against a path.
 */
final class IgnorePattern {

    private static final String REGEX_ONLY_SPECIALS = ".+()|{}$";

    /** moby/patternmatcher's match types: plain text compares, leading or trailing "**" are string tests. */
    private enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    private final String line;
    private final int lineNumber;
    private final String text;
    private final boolean exclusion;
    private final List<String> dirs;
    private Kind kind;
    private String goRegex;
    private Pattern regex;
    private String regexError;

    /** @param lineNumber the line of .dockerignore it came from, for messages (0 for patterns dhpush adds) */
    IgnorePattern(String line, int lineNumber) {
        this.line = line;
        this.lineNumber = lineNumber;
        String pattern = CleanPath.clean(line);
        this.exclusion = pattern.startsWith("!");
        if (exclusion) {
            pattern = pattern.substring(1);
        }
        if (pattern.isEmpty()) {
            throw invalid("illegal exclusion pattern: \"!\"");
        }
        try {
            GoFilepathMatch.match(pattern, ".");
        } catch (GoFilepathMatch.BadPatternException e) {
            throw invalid(e.getMessage());
        }
        this.text = pattern;
        this.dirs = List.of(pattern.split("/", -1));
        compile(pattern);
    }

    private InvalidInputException invalid(String reason) {
        return new InvalidInputException(InvalidInputException.Problem.DOCKERIGNORE, line,
                "invalid .dockerignore pattern \"" + line + "\"" + (lineNumber > 0 ? " (line " + lineNumber + ")" : "") + ": " + reason);
    }

    private void compile(String pattern) {
        StringBuilder source = new StringBuilder("^");
        Kind detected = Kind.EXACT;
        int i = 0;
        for (int position = 0; i < pattern.length(); position++) {
            int ch = pattern.codePointAt(i);
            i += Character.charCount(ch);
            if (ch == '*') {
                if (i < pattern.length() && pattern.charAt(i) == '*') {
                    i++;
                    if (i < pattern.length() && pattern.charAt(i) == '/') {
                        i++;
                    }
                    if (i == pattern.length()) {
                        // "**" at the end accepts everything, as in .gitignore.
                        if (detected == Kind.EXACT) {
                            detected = Kind.PREFIX;
                        } else {
                            source.append(".*");
                            detected = Kind.REGEX;
                        }
                    } else {
                        source.append("(.*/)?");
                        detected = Kind.REGEX;
                    }
                    if (position == 0) {
                        detected = Kind.SUFFIX;
                    }
                } else {
                    source.append("[^/]*");
                    detected = Kind.REGEX;
                }
            } else if (ch == '?') {
                source.append("[^/]");
                detected = Kind.REGEX;
            } else if (REGEX_ONLY_SPECIALS.indexOf(ch) >= 0) {
                source.append('\\').appendCodePoint(ch);
            } else if (ch == '\\') {
                if (i < pattern.length()) {
                    int next = pattern.codePointAt(i);
                    i += Character.charCount(next);
                    source.append('\\').appendCodePoint(next);
                    detected = Kind.REGEX;
                } else {
                    source.append('\\');
                }
            } else if (ch == '[' || ch == ']') {
                source.appendCodePoint(ch);
                detected = Kind.REGEX;
            } else {
                source.appendCodePoint(ch);
            }
        }
        this.kind = detected;
        if (detected == Kind.REGEX) {
            this.goRegex = source.append('$').toString();
            try {
                this.regex = Pattern.compile(this.goRegex);
            } catch (PatternSyntaxException e) {
                // Go's wording: "invalid escape sequence: `\\q`".
                this.regexError = e.getDescription() + ": `" + e.getPattern() + "`";
            }
        }
    }

    /** Whether the slash-separated path matches; a pattern Go's regexp refuses fails here, as in patternmatcher. */
    boolean matches(String path) {
        return switch (kind) {
            case EXACT -> path.equals(text);
            case PREFIX -> path.startsWith(text.substring(0, text.length() - 2));
            case SUFFIX -> {
                String suffix = text.substring(2);
                // "**/foo" also matches "foo" itself.
                yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
            }
            case REGEX -> {
                if (regex == null) {
                    throw invalid("syntax error in pattern (Go's regexp: " + regexError + ")");
                }
                yield regex.matcher(path).find();
            }
        };
    }

    boolean isExclusion() {
        return exclusion;
    }

    /** The cleaned pattern without its '!'. */
    String text() {
        return text;
    }

    /** The Go regular expression patternmatcher would build, or null when it compares strings instead. */
    String goRegex() {
        return goRegex;
    }

    /** patternmatcher's match type, lower case: exact, prefix, suffix or regex. */
    String matchType() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Its path components, as patternmatcher splits them. */
    List<String> dirs() {
        return dirs;
    }

    @Override
    public String toString() {
        return (exclusion ? "!" : "") + text;
    }
}
