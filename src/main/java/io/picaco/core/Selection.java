package io.picaco.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks instructions by Ĵ (compared as {@link Scoring#comparable}), best first. Instructions without a valid response rank last. On a tie the incumbent
 * stays (a challenger must do strictly better), then the input order decides.
 */
public final class Selection {
    private Selection() {
    }

    public record Candidate(String id, List<ScoredResponse> responses) {
    }

    public record Result(List<InstructionScore> ranking, String selected) {
    }

    public static Result select(List<Candidate> candidates, String incumbent, Map<String, Double> baselines,
            ObjectiveSpec spec) {
        List<InstructionScore> scores = new ArrayList<>();
        for (Candidate c : candidates) {
            scores.add(Objective.score(c.id(), c.responses(), baselines, spec));
        }
        List<InstructionScore> ranking = new ArrayList<>(scores);
        ranking.sort(Comparator
                .comparing((InstructionScore s) -> s.jHat() == null ? Double.NEGATIVE_INFINITY : Scoring.comparable(s.jHat()))
                .reversed()
                .thenComparing(s -> !s.id().equals(incumbent))
                .thenComparing(scores::indexOf));
        String selected = ranking.isEmpty() || ranking.get(0).jHat() == null ? incumbent : ranking.get(0).id();
        return new Result(List.copyOf(ranking), selected);
    }
}
