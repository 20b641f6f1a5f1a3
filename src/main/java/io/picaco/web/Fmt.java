package io.picaco.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Number and time formatting for the templates: {@code {f:num(x)}}, {@code {f:count(n)}}, {@code {f:time(t)}}. */
@TemplateExtension(namespace = "f")
public final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    public static String num(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? "–" : String.format(Locale.ROOT, "%.3f", d);
    }

    public static String num2(Double d) {
        return d == null || d.isNaN() || d.isInfinite() ? "–" : String.format(Locale.ROOT, "%.2f", d);
    }

    /** US dollars, to a hundredth of a cent. */
    public static String money(double usd) {
        return String.format(java.util.Locale.ROOT, "$%.4f", usd);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String time(Instant t) {
        return t == null ? "–" : TIME.format(t);
    }

    public static String duration(Instant from, Instant to) {
        if (from == null) {
            return "–";
        }
        long s = Math.max(0, Duration.between(from, to == null ? Instant.now() : to).getSeconds());
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s"
                : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
