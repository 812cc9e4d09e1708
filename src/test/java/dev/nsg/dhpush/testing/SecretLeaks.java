package dev.nsg.dhpush.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Looks for a secret in output in every form dhpush could leak it in: as it is; inside JSON, with any of its
 * characters written as escapes (a backslash-u code, an escaped quote); and inside base64 or base64url of any larger text (an
 * X-Registry-Auth header, a Basic authorization), at any of the three byte alignments, padded or not. A check is only
 * worth having if it can fail: SecretLeaksTest plants each form.
 */
public final class SecretLeaks {

    private static final Base64.Encoder[] ENCODERS = {Base64.getEncoder(), Base64.getUrlEncoder()};

    private SecretLeaks() {
    }

    /** How the secret appears in the output, or empty when it does not. */
    public static Optional<String> find(String output, String secret) {
        if (output.contains(secret)) {
            return Optional.of("as it is");
        }
        if (unescapeJson(output).contains(secret)) {
            return Optional.of("inside a JSON string, partly escaped");
        }
        List<String> cores = base64Cores(secret);
        for (int i = 0; i < cores.size(); i++) {
            if (output.contains(cores.get(i))) {
                // Which form, never the encoded secret itself: a failure message is output too.
                return Optional.of("base64-encoded (form " + (i + 1) + " of " + cores.size() + ")");
            }
        }
        return Optional.empty();
    }

    /** Fails the test, without printing the secret, when it appears in the output in any form. */
    public static void assertAbsent(String output, String secret, String where) {
        find(output, secret).ifPresent(form -> {
            throw new AssertionError("a secret leaked " + form + " into " + where);
        });
    }

    /**
     * The characters every base64 (and base64url) encoding of a text containing the secret must contain, for each
     * alignment of the secret against base64's 3-byte groups: the edges, which mix in the neighbouring bytes (or the
     * padding), are cut off.
     */
    static List<String> base64Cores(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        List<String> cores = new ArrayList<>();
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            int firstWhole = offset == 0 ? 0 : 1; // the first group holds filler bytes before the secret
            int wholeGroups = (offset + bytes.length) / 3;
            for (Base64.Encoder encoder : ENCODERS) {
                String encoded = encoder.withoutPadding().encodeToString(shifted);
                String core = encoded.substring(firstWhole * 4, wholeGroups * 4);
                if (core.length() >= 8) {
                    cores.add(core);
                }
            }
        }
        return cores;
    }

    /** JSON string escapes undone: four-digit code escapes, escaped quotes, backslashes and slashes, newlines. */
    static String unescapeJson(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'u' -> {
                    if (i + 4 < text.length() && text.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append("\\u");
                    }
                }
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
