package dev.nsg.dhpush.model;

import java.util.regex.Pattern;

import dev.nsg.dhpush.failure.InvalidInputException;

/** A content digest such as {@code sha256:…}: algorithm and lowercase hex, as in the OCI image spec. */
public record Digest(String value) {

    private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

    public Digest {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw new InvalidInputException(InvalidInputException.Problem.DIGEST, value,
                    "invalid digest \"" + value + "\": not sha256: followed by 64 lowercase hexadecimal digits");
        }
    }

    public static Digest of(String value) {
        return new Digest(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
