package dev.nsg.dhpush.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Words of a Dockerfile instruction as the builder's shell-word processing sees them: quotes and escapes. */
public final class DockerfileWords {

    private DockerfileWords() {
    }

    /** Splits on whitespace outside quotes, keeping quotes and escapes in each word. */
    static List<String> split(String text, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == escape && quote != '\'' && i + 1 < text.length()) {
                word.append(c).append(text.charAt(++i));
            } else if (quote != 0) {
                word.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                word.append(c);
            } else if (Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** Where the first '=' outside quotes is, or -1. */
    static int equalsAt(String word, char escape) {
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == escape && quote != '\'') {
                i++;
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                return i;
            }
        }
        return -1;
    }

    /** Removes quotes and escapes the way the builder's word processing does for a value without variables. */
    static String unquote(String word, char escape) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    out.append(c);
                }
            } else if (c == escape && i + 1 < word.length()) {
                out.append(word.charAt(++i));
            } else if (quote == '"' && c == '"') {
                quote = 0;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code key=value} pairs; the old {@code KEY value with spaces} form (one pair, no '=') gives the key with an
     * unknown value.
     */
    static List<String[]> pairs(String arguments, char escape) {
        List<String> words = split(arguments, escape);
        List<String[]> pairs = new ArrayList<>();
        if (!words.isEmpty() && equalsAt(words.get(0), escape) < 0) {
            pairs.add(new String[] {words.get(0), null});
            return pairs;
        }
        for (String word : words) {
            int equals = equalsAt(word, escape);
            if (equals < 0) {
                return List.of(); // a form dhpush does not read: claim nothing
            }
            pairs.add(new String[] {word.substring(0, equals), word.substring(equals + 1)});
        }
        return pairs;
    }

    /** The names an ARG instruction declares ({@code ARG A B=1} declares A and B). */
    public static List<String> argumentNames(String arguments, char escape) {
        return split(arguments, escape).stream().map(word -> word.split("=", 2)[0]).toList();
    }
}
