package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.nsg.dhpush.testing.Commands;
import dev.nsg.dhpush.testing.Dhpush;

/** The completion script in a real bash, and the man pages the build made, read by man itself. */
class CompletionAndManPageIT {

    private static final Path MAN = Path.of("target", "man");

    private static Path script(String shell) throws IOException {
        Commands.Result result = Dhpush.run(Map.of(), null, "completion", shell);
        assertEquals(0, result.exitCode(), result.toString());
        Path script = Files.createTempFile("dhpush-completion-", ".bash");
        Files.writeString(script, result.stdout());
        return script;
    }

    /** What the completion function offers for {@code line}, one candidate per line, from a non-interactive bash. */
    private static List<String> complete(Path script, String line) {
        String program = "source \"$1\"; read -r -a COMP_WORDS <<< \"$2\"; COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE};"
                + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); if [[ \"$2\" == *' ' ]]; then COMP_WORDS+=(''); COMP_CWORD=$(( COMP_CWORD + 1 )); fi;"
                + " _complete_dhpush 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Commands.Result result = Commands.run(List.of("bash", "-c", program, "completion-test", script.toString(), line), Map.of(), null, null, 30);
        assertEquals(0, result.exitCode(), result.toString());
        return result.stdout().lines().filter(candidate -> !candidate.isEmpty()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void completionScript_isValidBash(String shell) throws IOException {
        Commands.Result syntax = Commands.run(List.of("bash", "-n", script(shell).toString()), Map.of(), null, null, 30);
        assertEquals(0, syntax.exitCode(), syntax.toString());
    }

    @Test
    void completion_completesASubcommand_anOption_andAnOptionsValue() throws IOException {
        Path script = script("bash");
        assertEquals(List.of("doctor"), complete(script, "dhpush do"));
        assertEquals(List.of("--digest"), complete(script, "dhpush verify --dig"));
        assertEquals(List.of("bash", "zsh"), complete(script, "dhpush completion "));
        assertEquals(List.of("auto", "tty", "plain"), complete(script, "dhpush build --progress "));
    }

    @Test
    void completion_withoutAShell_isAUsageError() {
        Commands.Result result = Dhpush.run(Map.of(), null, "completion", "fish");
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("fish"), result.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dhpush", "dhpush-build", "dhpush-push", "dhpush-verify", "dhpush-tags", "dhpush-doctor", "dhpush-context",
            "dhpush-completion", "dhpush-help"})
    void manPage_rendersWithoutWarnings_andDescribesItsCommand(String page) {
        Path file = MAN.resolve(page + ".1");
        assertTrue(Files.isRegularFile(file), file + " missing: ./mvnw package makes it (asciidoctor-maven-plugin)");
        Commands.Result rendered = Commands.run(List.of("man", "--warnings", "-l", file.toString()), Map.of("MANWIDTH", "80"), null,
                null, 30);
        assertEquals(0, rendered.exitCode(), rendered.toString());
        assertEquals("", rendered.stderr(), "groff warnings");
        String name = page.replace("dhpush-", "dhpush ");
        assertTrue(rendered.stdout().contains("SYNOPSIS") && rendered.stdout().contains(name) && rendered.stdout().contains("OPTIONS")
                || page.equals("dhpush-help"), rendered.stdout());
        assertTrue(rendered.stdout().contains("EXIT CODES") || page.equals("dhpush-help"), rendered.stdout());
        // The footer: dhpush's version and the date, nothing of the JVM that built the page.
        String footer = rendered.stdout().strip().lines().reduce((first, second) -> second).orElse("");
        assertTrue(footer.matches("dhpush \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? +\\d{4}-\\d{2}-\\d{2} +" + page.toUpperCase(java.util.Locale.ROOT)
                + "\\(1\\)"), "footer: " + footer);
    }
}
