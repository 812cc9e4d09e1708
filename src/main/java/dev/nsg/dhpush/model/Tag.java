package dev.nsg.dhpush.model;

import java.util.regex.Pattern;

import dev.nsg.dhpush.failure.InvalidInputException;

/** An image tag, checked against Docker's reference grammar: {@code [\w][\w.-]{0,127}}. */
public record Tag(String value) {

    private static final Pattern GRAMMAR = Pattern.compile("[\\w][\\w.-]{0,127}");

    public Tag {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(InvalidInputException.Problem.TAG, "", "invalid tag: the tag is empty");
        }
        if (!GRAMMAR.matcher(value).matches()) {
            String rule = value.length() > 128
                    ? "it is " + value.length() + " characters long, the limit is 128"
                    : (value.charAt(0) == '.' || value.charAt(0) == '-')
                            ? "it must start with a letter, digit or underscore"
                            : "only letters, digits, '_', '.' and '-' are allowed";
            throw new InvalidInputException(InvalidInputException.Problem.TAG, value, "invalid tag \"" + value + "\": " + rule);
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
