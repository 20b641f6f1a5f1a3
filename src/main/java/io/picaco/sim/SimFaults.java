package io.picaco.sim;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency, faults and malformed judge answers, drawn from their own non-seeded randomness so that a
 * retry of the same request can succeed.
 */
public final class SimFaults {

    public enum Fault {
        NONE, TOO_MANY_REQUESTS, SERVER_ERROR
    }

    /** A latency range in milliseconds (min == max for a fixed delay). */
    public record Latency(long minMillis, long maxMillis) {
        public long draw(RandomGenerator rnd) {
            return minMillis >= maxMillis ? minMillis : rnd.nextLong(minMillis, maxMillis + 1);
        }
    }

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?\\s*",
            Pattern.CASE_INSENSITIVE);

    private final Latency latency;
    private final double faultRate;
    private final double malformedRate;
    private final RandomGenerator rnd;

    public SimFaults(Optional<String> latency, double faultRate, double malformedRate, RandomGenerator rnd) {
        this.latency = latency.filter(s -> !s.isBlank()).map(SimFaults::parseLatency).orElse(new Latency(0, 0));
        this.faultRate = clamp(faultRate);
        this.malformedRate = clamp(malformedRate);
        this.rnd = rnd;
    }

    public static SimFaults of(SimConfig config) {
        return new SimFaults(config.latency(), config.faultRate(), config.malformedRate(),
                new java.util.Random());
    }

    /** Parse {@code 300ms}, {@code 1s}, {@code 250} (ms) or a range {@code 100ms..300ms}. */
    public static Latency parseLatency(String spec) {
        String[] parts = spec.split("\\.\\.", 2);
        long a = millis(parts[0]);
        long b = parts.length > 1 ? millis(parts[1]) : a;
        return new Latency(Math.min(a, b), Math.max(a, b));
    }

    static long millis(String s) {
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a duration: '" + s + "' (use e.g. 300ms, 1s, 100ms..300ms)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
        return Math.round(switch (unit) {
            case "s" -> n * 1000;
            case "m" -> n * 60_000;
            default -> n;
        });
    }

    public Latency latency() {
        return latency;
    }

    /** The delay for this call, in milliseconds. */
    public long nextDelayMillis() {
        return latency.draw(rnd);
    }

    public Fault nextFault() {
        if (faultRate <= 0 || rnd.nextDouble() >= faultRate) {
            return Fault.NONE;
        }
        return rnd.nextBoolean() ? Fault.TOO_MANY_REQUESTS : Fault.SERVER_ERROR;
    }

    public boolean nextMalformed() {
        return malformedRate > 0 && rnd.nextDouble() < malformedRate;
    }

    private static double clamp(double r) {
        return Double.isNaN(r) ? 0 : Math.max(0, Math.min(1, r));
    }
}
