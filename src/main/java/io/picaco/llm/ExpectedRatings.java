package io.picaco.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the judge's token log-probabilities into expected ratings: for the k-th {@code "rating": d} in the answer,
 * the probability-weighted mean of the digits 1–5 among the alternatives of the token that wrote d.
 */
public final class ExpectedRatings {
    private static final Pattern RATING = Pattern.compile("\"rating\"\\s*:\\s*([1-5])(?![0-9.])");

    private ExpectedRatings() {
    }

    /** One expected rating per {@code "rating"} field, in the order they appear; empty when they cannot be read. */
    public static Optional<List<Double>> of(List<TokenLogprob> tokens) {
        if (tokens == null || tokens.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        List<int[]> spans = new ArrayList<>(); // start, end of each token in text
        for (TokenLogprob t : tokens) {
            spans.add(new int[] { text.length(), text.length() + t.token().length() });
            text.append(t.token());
        }
        List<Double> out = new ArrayList<>();
        Matcher m = RATING.matcher(text);
        while (m.find()) {
            int at = m.start(1);
            int index = -1;
            for (int i = 0; i < spans.size(); i++) {
                if (spans.get(i)[0] <= at && at < spans.get(i)[1]) {
                    index = i;
                    break;
                }
            }
            if (index < 0 || !tokens.get(index).token().strip().equals(m.group(1))) {
                return Optional.empty(); // the digit shares a token with other text: no clean distribution
            }
            out.add(expected(tokens.get(index)));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    static double expected(TokenLogprob t) {
        double[] p = new double[6];
        add(p, t.token(), t.logprob());
        for (Map.Entry<String, Double> alt : t.top().entrySet()) {
            add(p, alt.getKey(), alt.getValue());
        }
        double mass = 0, sum = 0;
        for (int d = 1; d <= 5; d++) {
            mass += p[d];
            sum += d * p[d];
        }
        return sum / mass;
    }

    private static void add(double[] p, String token, double logprob) {
        String s = token.strip();
        if (s.length() == 1 && s.charAt(0) >= '1' && s.charAt(0) <= '5' && p[s.charAt(0) - '0'] == 0) {
            p[s.charAt(0) - '0'] = StrictMath.exp(logprob); // bit-exact on every CPU, unlike Math.exp
        }
    }
}
