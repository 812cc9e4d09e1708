package dev.nsg.dhpush.context;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.nsg.dhpush.failure.InvalidInputException;

/**
 * One .dockerignore pattern, compiled exactly as moby/patternmatcher does: '*' and '?' never cross '/',
 * '**' crosses any number of directories, a backslash escapes the next character.
 */
final class IgnorePattern {

    private static final String REGEX_ONLY_SPECIALS = ".+()|{}$";

    private final String text;
    private final boolean exclusion;
    private final Pattern regex;

    IgnorePattern(String line) {
        String pattern = CleanPath.clean(line);
        this.exclusion = pattern.startsWith("!");
        if (exclusion) {
            pattern = pattern.substring(1);
        }
        if (pattern.isEmpty()) {
            throw new InvalidInputException(InvalidInputException.Problem.DOCKERIGNORE, line,
                    "invalid .dockerignore pattern \"" + line + "\": \"!\" alone re-includes nothing");
        }
        this.text = pattern;
        try {
            this.regex = Pattern.compile(compile(pattern));
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(InvalidInputException.Problem.DOCKERIGNORE, line,
                    "invalid .dockerignore pattern \"" + line + "\": " + e.getDescription());
        }
    }

    /** moby/patternmatcher's match types: plain text compares, leading or trailing "**" are string tests. */
    private enum Kind { EXACT, PREFIX, SUFFIX, REGEX }

    private Kind kind;

    private String compile(String pattern) {
        StringBuilder regex = new StringBuilder("^");
        Kind detected = Kind.EXACT;
        int i = 0;
        for (int position = 0; i < pattern.length(); position++) {
            char ch = pattern.charAt(i++);
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
                            regex.append(".*");
                            detected = Kind.REGEX;
                        }
                    } else {
                        regex.append("(.*/)?");
                        detected = Kind.REGEX;
                    }
                    if (position == 0) {
                        detected = Kind.SUFFIX;
                    }
                } else {
                    regex.append("[^/]*");
                    detected = Kind.REGEX;
                }
            } else if (ch == '?') {
                regex.append("[^/]");
                detected = Kind.REGEX;
            } else if (REGEX_ONLY_SPECIALS.indexOf(ch) >= 0) {
                regex.append('\\').append(ch);
            } else if (ch == '\\') {
                if (i < pattern.length()) {
                    regex.append('\\').append(pattern.charAt(i++));
                    detected = Kind.REGEX;
                } else {
                    regex.append("\\\\");
                }
            } else if (ch == '[' || ch == ']') {
                regex.append(ch);
                detected = Kind.REGEX;
            } else {
                regex.append(ch);
            }
        }
        this.kind = detected;
        return regex.append('$').toString();
    }

    boolean matches(String path) {
        return switch (kind) {
            case EXACT -> path.equals(text);
            case PREFIX -> path.startsWith(text.substring(0, text.length() - 2));
            case SUFFIX -> {
                String suffix = text.substring(2);
                // "**/foo" also matches "foo" itself.
                yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
            }
            case REGEX -> regex.matcher(path).matches();
        };
    }

    boolean isExclusion() {
        return exclusion;
    }

    /** The cleaned pattern without its '!'. */
    String text() {
        return text;
    }

    @Override
    public String toString() {
        return (exclusion ? "!" : "") + text;
    }
}
