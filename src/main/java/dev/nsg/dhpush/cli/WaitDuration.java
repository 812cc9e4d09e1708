package dev.nsg.dhpush.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as people and the docker tools write one: Go's form ({@code 90s}, {@code 2m}, {@code 1m30s},
 * {@code 1.5s}, {@code 500ms}, {@code 1h}; what Go's time.ParseDuration reads), a bare number of seconds ({@code 30}),
 * or ISO-8601 ({@code PT2M}, what java.time.Duration reads). Never negative.
 */
final class WaitDuration {

    /** One number and its unit of Go's form; the units as Go names them, each as a java.time amount. */
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");
    private static final Map<String, Duration> UNITS = Map.of("ns", Duration.ofNanos(1), "us", Duration.ofNanos(1_000),
            "µs", Duration.ofNanos(1_000), "μs", Duration.ofNanos(1_000), "ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1),
            "m", Duration.ofMinutes(1), "h", Duration.ofHours(1));
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

    private WaitDuration() {
    }

    /** The duration {@code text} says, or empty when it is not one of the three forms (or is negative). */
    static Optional<Duration> parse(String text) {
        String value = text.strip();
        if (SECONDS.matcher(value).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                Duration iso = Duration.parse(value);
                return iso.isNegative() ? Optional.empty() : Optional.of(iso);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return goForm(value);
    }

    private static Optional<Duration> goForm(String value) {
        Matcher part = GO_PART.matcher(value);
        Duration total = Duration.ZERO;
        int at = 0;
        while (at < value.length()) {
            if (!part.find(at) || part.start() != at) {
                return Optional.empty();
            }
            BigDecimal nanos = new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(UNITS.get(part.group(2)).toNanos()));
            if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return Optional.empty();
            }
            total = total.plusNanos(nanos.longValue());
            at = part.end();
        }
        return at == 0 ? Optional.empty() : Optional.of(total);
    }
}
