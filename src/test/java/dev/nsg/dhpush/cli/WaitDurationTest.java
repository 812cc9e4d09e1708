package dev.nsg.dhpush.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** --engine-wait reads Go's durations (as docker's own flags do), bare seconds and ISO-8601, and nothing else. */
class WaitDurationTest {

    @ParameterizedTest(name = "[{index}] {0} is {1} ms")
    @CsvSource({
            "0, 0", "30, 30000", "30s, 30000", "90s, 90000", "2m, 120000", "1m30s, 90000", "1.5s, 1500", ".5s, 500",
            "500ms, 500", "1h, 3600000", "1h2m3s, 3723000", "250us, 0", "' 45s ', 45000", "PT2M, 120000", "pt1m30s, 90000",
            "PT0.5S, 500",
    })
    void readsGoFormsSecondsAndIso(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), WaitDuration.parse(text).orElseThrow().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @ParameterizedTest(name = "[{index}] {0} is refused")
    @ValueSource(strings = {"", "5parsecs", "s", "1.s.", "-5s", "PT-5S", "P", "1 m", "2 minutes", "1d", "5S", "30sec", "1e3s"})
    void refusesAnythingElse(String text) {
        assertTrue(WaitDuration.parse(text).isEmpty(), text);
    }
}
