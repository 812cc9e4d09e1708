package dev.nsg.dhpush.cli;

/** Text from the engine, made safe for where it is printed. */
final class Terminal {

    private Terminal() {
    }

    /**
     * Drops control characters (colour codes, carriage-return redraws) so CI logs stay plain text; on a live
     * terminal, keeps newlines and tabs only as well, because engine output must not move our cursor.
     */
    static String printable(String text, boolean live) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\033') {
                i = skipEscape(text, i);
            } else if (ch == '\n' || ch == '\t' || !Character.isISOControl(ch)) {
                clean.append(ch);
            }
        }
        return clean.toString();
    }

    private static int skipEscape(String text, int start) {
        int i = start + 1;
        if (i < text.length() && text.charAt(i) == '[') {
            i++;
            while (i < text.length() && (text.charAt(i) < '@' || text.charAt(i) > '~')) {
                i++;
            }
        }
        return i;
    }
}
