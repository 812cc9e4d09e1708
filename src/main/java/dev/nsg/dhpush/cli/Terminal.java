package dev.nsg.dhpush.cli;

/** Text from the engine or a registry, made safe for where it is printed. */
final class Terminal {

    private Terminal() {
    }

    /**
     * Drops escape sequences (colour codes, cursor moves) and every control character but newline and tab: engine
     * output must neither move our cursor on a terminal nor litter a CI log.
     */
    static String printable(String text) {
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
