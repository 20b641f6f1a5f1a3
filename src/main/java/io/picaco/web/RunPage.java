package io.picaco.web;

import java.util.List;

import io.picaco.api.RunView;
import io.picaco.core.Value;
import io.quarkus.qute.RawString;

/** What the run page shows. {@code pools} and {@code comparison} are null where not (yet) available. */
public record RunPage(RunView run, Live live, Comparison comparison, Pools pools) {

    /** The part of the page that refreshes itself while the run is queued or running. */
    public record Live(RunView run, boolean active, int percent, String phaseLabel, String elapsed,
            List<RoleUsage> usage, RawString jChart, RawString valueChart, List<TrajectoryRow> trajectory,
            List<Value> values, List<CandidateGroup> candidates, String bestText, String seedText,
            List<WordDiff.Part> diff, boolean bestIsSeed) {
    }

    /** Usage of one role (or the total): calls, failures, retries, cache hits, tokens, cost, median latency. */
    public record RoleUsage(String role, long calls, long failures, long retries, long cacheHits, long inputTokens,
            long outputTokens, double cost, Long p50Ms) {
    }

    public record TrajectoryRow(int iteration, Double jHat, List<Double> perValue, Long instructionId) {
    }

    public record CandidateGroup(int iteration, List<Candidate> candidates, Long keptIncumbent) {
    }

    public record Candidate(long id, Double jHat, List<Double> perValue, boolean winner, String text) {
    }

    /** The chart, and a table with one column per instruction (bare, seed, optimized) and one row per measure. */
    public record Comparison(RawString chart, List<String> columns, List<ComparisonLine> lines) {
    }

    public record ComparisonLine(String label, List<String> cells, boolean summary) {
    }

    public record Pools(String pool, String value, String sort, List<Value> values, List<PoolRow> rows, int total) {
        public boolean aligned() {
            return "aligned".equals(pool);
        }

        public boolean is(String valueId) {
            return valueId.equals(value);
        }
    }

    public record PoolRow(String query, String response, List<Rating> ratings, Double redundancy, Double tau) {
    }

    public record Rating(String value, Double rating, String reason) {
    }
}
