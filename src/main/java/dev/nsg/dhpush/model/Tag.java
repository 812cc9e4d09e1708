package dev.nsg.dhpush.model;

import java.util.regex.Pattern;

import dev.nsg.dhpush.failure.InvalidInputException;

/** An image tag, checked against Docker's reference grammar: {@code [\w][\w.-]{0,127}}. */
public record Tag(String value) {

    private static final Pattern GRAMMAR = Pattern.compile("[\\w][\\w.-]{0,127}");

    public Tag {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("invalid tag: the tag is empty",
                    "pass --tag NAME, or set BITBUCKET_BUILD_NUMBER");
        }
        if (!GRAMMAR.matcher(value).matches()) {
            String rule = value.length() > 128
                    ? "it is " + value.length() + " characters long, the limit is 128"
                    : (value.charAt(0) == '.' || value.charAt(0) == '-')
                            ? "it must start with a letter, digit or underscore"
                            : "only letters, digits, '_', '.' and '-' are allowed";
            throw new InvalidInputException("invalid tag \"" + value + "\": " + rule,
                    "tags follow Docker's reference grammar [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
        }
    }

    public static Tag of(String value) {
        return new Tag(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
