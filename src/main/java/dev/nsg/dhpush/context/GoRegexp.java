package dev.nsg.dhpush.context;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Go regular expression (RE2 syntax, as Go's regexp.Compile reads it) rewritten into a java.util.regex pattern
 * that means the same, or refused as Go refuses it. moby/patternmatcher hands a .dockerignore line's brackets and
 * escapes to Go's regexp as they are, and the two dialects read them differently: inside brackets Java nests classes
 * ({@code [a[b]]}) and reads {@code &&} as an intersection, where Go reads both literally; Go's {@code $} is the end
 * of the text, Java's also matches before a final newline; Go's {@code .} excludes only newline and its {@code \s}
 * has no vertical tab. So every construct is written out in Java explicitly: characters as {@code \x{…}}, classes
 * item by item.
 */
final class GoRegexp {

    /** Go's regexp/syntax error, with its wording. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    /** Go's POSIX classes ([:alpha:]) as Java's ASCII property classes. */
    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "Alnum"), Map.entry("alpha", "Alpha"),
            Map.entry("ascii", "ASCII"), Map.entry("blank", "Blank"), Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"),
            Map.entry("graph", "Graph"), Map.entry("lower", "Lower"), Map.entry("print", "Print"), Map.entry("punct", "Punct"),
            Map.entry("space", "Space"), Map.entry("upper", "Upper"), Map.entry("xdigit", "XDigit"));
    /** Go's \s: [\t\n\f\r ], without the vertical tab Java's \s has. */
    private static final String GO_SPACE = "\\x{9}\\x{a}\\x{c}\\x{d}\\x{20}";
    /** Go's \S as ranges, not a nested class: Java's nesting inside a negated class is easy to misread. */
    private static final String GO_NOT_SPACE = "\\x{0}-\\x{8}\\x{b}\\x{e}-\\x{1f}\\x{21}-\\x{10ffff}";
    private static final Set<String> CATEGORIES = Set.of("C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M",
            "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So",
            "Z", "Zl", "Zp", "Zs");

    private final String source;
    private final StringBuilder java = new StringBuilder();
    private int at;

    private GoRegexp(String source) {
        this.source = source;
    }

    static Pattern compile(String source) throws SyntaxError {
        GoRegexp translation = new GoRegexp(source);
        translation.sequence(0);
        return Pattern.compile(translation.java.toString());
    }

    /** A sequence of alternatives up to the end, or to the ')' closing a group at {@code depth}. */
    private void sequence(int depth) throws SyntaxError {
        boolean atom = false;
        // 0: the atom is not repeated yet; 1: it is (x*); 2: lazily (x*?), after which nothing more may follow.
        int repeated = 0;
        while (at < source.length()) {
            char c = source.charAt(at);
            switch (c) {
                case '(' -> {
                    if (source.startsWith("(?", at)) {
                        throw new SyntaxError("unsupported group syntax: " + source.substring(at));
                    }
                    at++;
                    java.append('(');
                    sequence(depth + 1);
                    if (at >= source.length()) {
                        throw new SyntaxError("missing closing ): `" + source + "`");
                    }
                    at++;
                    java.append(')');
                    atom = true;
                    repeated = 0;
                }
                case ')' -> {
                    if (depth == 0) {
                        throw new SyntaxError("unexpected ): `" + source + "`");
                    }
                    return;
                }
                case '|' -> {
                    at++;
                    java.append('|');
                    atom = false;
                    repeated = 0;
                }
                case '*', '+', '?' -> {
                    if (!atom) {
                        throw new SyntaxError("missing argument to repetition operator: `" + c + "`");
                    }
                    if (repeated == 2 || (repeated == 1 && c != '?')) {
                        throw new SyntaxError("invalid nested repetition operator: `" + source.charAt(at - 1) + c + "`");
                    }
                    at++;
                    java.append(c);
                    repeated++;
                }
                case '^' -> {
                    at++;
                    java.append("\\A");
                    atom = false;
                    repeated = 0;
                }
                case '$' -> {
                    at++;
                    java.append("\\z");
                    atom = false;
                    repeated = 0;
                }
                case '.' -> {
                    at++;
                    java.append("[^\\x{a}]");
                    atom = true;
                    repeated = 0;
                }
                case '[' -> {
                    java.append(characterClass());
                    atom = true;
                    repeated = 0;
                }
                case '\\' -> {
                    atom = escape();
                    repeated = 0;
                }
                default -> {
                    int rune = source.codePointAt(at);
                    at += Character.charCount(rune);
                    java.append(literal(rune));
                    atom = true;
                    repeated = 0;
                }
            }
        }
        if (depth > 0) {
            throw new SyntaxError("missing closing ): `" + source + "`");
        }
    }

    /** An escape outside brackets; returns whether it is something a repetition may follow. */
    private boolean escape() throws SyntaxError {
        if (at + 1 >= source.length()) {
            throw new SyntaxError("trailing backslash at end of expression");
        }
        char next = source.charAt(at + 1);
        switch (next) {
            case 'A' -> {
                at += 2;
                java.append("\\A");
                return false;
            }
            case 'z' -> {
                at += 2;
                java.append("\\z");
                return false;
            }
            case 'b', 'B' -> {
                at += 2;
                // Go's word boundary is ASCII: a boundary between \w and \W as Go defines them.
                java.append(next == 'b' ? "(?:(?<=[A-Za-z0-9_])(?![A-Za-z0-9_])|(?<![A-Za-z0-9_])(?=[A-Za-z0-9_]))"
                        : "(?:(?<=[A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<![A-Za-z0-9_])(?![A-Za-z0-9_]))");
                return false;
            }
            case 'Q' -> {
                int end = source.indexOf("\\E", at + 2);
                String quoted = source.substring(at + 2, end < 0 ? source.length() : end);
                at = end < 0 ? source.length() : end + 2;
                quoted.codePoints().forEach(rune -> java.append(literal(rune)));
                return !quoted.isEmpty();
            }
            default -> {
                String items = classEscape();
                if (items != null) {
                    java.append(items.isEmpty() ? "(?!)" : "[" + items + "]");
                    return true;
                }
                java.append(literal(escapedRune()));
                return true;
            }
        }
    }

    /** {@code \d \D \s \S \w \W \pX \p{Name} \PX} as Java class items, or null when the escape is not a class. */
    private String classEscape() throws SyntaxError {
        char next = source.charAt(at + 1);
        switch (next) {
            case 'd', 'D', 'w', 'W' -> {
                at += 2;
                return "\\" + next; // ASCII in both dialects
            }
            case 's' -> {
                at += 2;
                return GO_SPACE;
            }
            case 'S' -> {
                at += 2;
                return GO_NOT_SPACE;
            }
            case 'p', 'P' -> {
                return unicodeClass(next == 'P');
            }
            default -> {
                return null;
            }
        }
    }

    private String unicodeClass(boolean negated) throws SyntaxError {
        int start = at;
        at += 2;
        if (at >= source.length()) {
            throw new SyntaxError("invalid character class range: `" + source.substring(start) + "`");
        }
        String name;
        if (source.charAt(at) == '{') {
            int close = source.indexOf('}', at);
            if (close < 0) {
                throw new SyntaxError("invalid character class range: `" + source.substring(start) + "`");
            }
            name = source.substring(at + 1, close);
            at = close + 1;
        } else {
            int rune = source.codePointAt(at);
            name = new String(Character.toChars(rune));
            at += Character.charCount(rune);
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        String property;
        if (name.equals("Any")) {
            return negated ? "" : "\\x{0}-\\x{10ffff}"; // \P{Any} adds nothing to a class
        } else if (CATEGORIES.contains(name)) {
            property = name;
        } else {
            property = "Is" + name; // a script, such as Greek or Han
            try {
                Pattern.compile("\\p{" + property + "}");
            } catch (IllegalArgumentException unknown) {
                throw new SyntaxError("invalid character class range: `" + source.substring(start, at) + "`");
            }
        }
        return (negated ? "\\P{" : "\\p{") + property + "}";
    }

    /** A bracket expression as Go reads it (first ']' literal, '-' literal where it cannot join, no nesting). */
    private String characterClass() throws SyntaxError {
        int start = at;
        at++;
        StringBuilder items = new StringBuilder();
        boolean negated = at < source.length() && source.charAt(at) == '^';
        if (negated) {
            at++;
        }
        boolean first = true;
        while (at >= source.length() || source.charAt(at) != ']' || first) {
            if (at >= source.length()) {
                throw new SyntaxError("missing closing ]: `" + source.substring(start) + "`");
            }
            first = false;
            if (source.startsWith("[:", at) && source.indexOf(":]", at + 2) >= 0) {
                int close = source.indexOf(":]", at + 2);
                String name = source.substring(at + 2, close);
                boolean not = name.startsWith("^");
                String bare = not ? name.substring(1) : name;
                String property = bare.equals("word") ? (not ? "\\W" : "\\w")
                        : POSIX.containsKey(bare) ? (not ? "\\P{" : "\\p{") + POSIX.get(bare) + "}" : null;
                if (property == null) {
                    throw new SyntaxError("invalid character class range: `" + source.substring(at, close + 2) + "`");
                }
                items.append(property);
                at = close + 2;
                continue;
            }
            if (source.charAt(at) == '\\' && at + 1 < source.length()) {
                String escaped = classEscape();
                if (escaped != null) {
                    items.append(escaped);
                    continue;
                }
            }
            int low = classRune(start);
            int high = low;
            if (at + 1 < source.length() && source.charAt(at) == '-' && source.charAt(at + 1) != ']') {
                at++;
                high = classRune(start);
                if (high < low) {
                    throw new SyntaxError("invalid character class range: `" + new String(Character.toChars(low)) + "-"
                            + new String(Character.toChars(high)) + "`");
                }
            }
            items.append(hex(low));
            if (high != low) {
                items.append('-').append(hex(high));
            }
        }
        at++;
        if (items.isEmpty()) {
            return negated ? "[\\x{0}-\\x{10ffff}]" : "(?!)"; // only \P{Any} inside: nothing, or its negation everything
        }
        return "[" + (negated ? "^" : "") + items + "]";
    }

    private int classRune(int classStart) throws SyntaxError {
        if (at >= source.length()) {
            throw new SyntaxError("missing closing ]: `" + source.substring(classStart) + "`");
        }
        if (source.charAt(at) == '\\') {
            return escapedRune();
        }
        int rune = source.codePointAt(at);
        at += Character.charCount(rune);
        return rune;
    }

    /** A single-character escape (Go's parseEscape): octal, hex, the C escapes, or escaped punctuation. */
    private int escapedRune() throws SyntaxError {
        int start = at;
        at++;
        if (at >= source.length()) {
            throw new SyntaxError("trailing backslash at end of expression");
        }
        char c = source.charAt(at++);
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7', '0' -> {
                // A lone non-zero digit would be a backreference, which RE2 does not have.
                if (c != '0' && (at >= source.length() || source.charAt(at) < '0' || source.charAt(at) > '7')) {
                    throw new SyntaxError("invalid escape sequence: `" + source.substring(start, at) + "`");
                }
                int value = c - '0';
                for (int digits = 1; digits < 3 && at < source.length() && source.charAt(at) >= '0' && source.charAt(at) <= '7'; digits++) {
                    value = value * 8 + source.charAt(at++) - '0';
                }
                return value;
            }
            case 'x' -> {
                return hexEscape(start);
            }
            case 'a' -> {
                return 7;
            }
            case 'f' -> {
                return '\f';
            }
            case 'n' -> {
                return '\n';
            }
            case 'r' -> {
                return '\r';
            }
            case 't' -> {
                return '\t';
            }
            case 'v' -> {
                return 0x0b;
            }
            default -> {
                if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                    return c;
                }
                int rune = source.codePointAt(at - 1);
                at += Character.charCount(rune) - 1;
                throw new SyntaxError("invalid escape sequence: `" + source.substring(start, at) + "`");
            }
        }
    }

    private int hexEscape(int start) throws SyntaxError {
        if (at < source.length() && source.charAt(at) == '{') {
            int close = source.indexOf('}', at);
            if (close < 0 || close == at + 1) {
                throw new SyntaxError("invalid escape sequence: `" + source.substring(start, Math.min(source.length(), at + 1)) + "`");
            }
            try {
                int value = Integer.parseInt(source.substring(at + 1, close), 16);
                if (value > 0x10ffff) {
                    throw new SyntaxError("invalid escape sequence: `" + source.substring(start, close + 1) + "`");
                }
                at = close + 1;
                return value;
            } catch (NumberFormatException e) {
                throw new SyntaxError("invalid escape sequence: `" + source.substring(start, close + 1) + "`");
            }
        }
        if (at + 2 > source.length() || Character.digit(source.charAt(at), 16) < 0 || Character.digit(source.charAt(at + 1), 16) < 0) {
            throw new SyntaxError("invalid escape sequence: `" + source.substring(start, Math.min(source.length(), at + 2)) + "`");
        }
        int value = Integer.parseInt(source.substring(at, at + 2), 16);
        at += 2;
        return value;
    }

    private static String literal(int rune) {
        return Character.isLetterOrDigit(rune) && rune < 0x80 ? new String(Character.toChars(rune)) : hex(rune);
    }

    private static String hex(int rune) {
        return "\\x{" + Integer.toHexString(rune) + "}";
    }
}
