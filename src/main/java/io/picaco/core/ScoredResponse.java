package io.picaco.core;

import java.util.List;
import java.util.Map;

/**
 * A judged and embedded response. {@code ratings == null} (or a missing/null rating for some value) marks a
 * failed judgment; a null {@code redundancy} a failed embedding. Either removes the response from every mean.
 */
public record ScoredResponse(String id, String queryId, Map<String, Double> ratings, Double redundancy) {

    public boolean isValidFor(List<String> valueIds) {
        if (ratings == null || redundancy == null) {
            return false;
        }
        for (String v : valueIds) {
            if (ratings.get(v) == null) {
                return false;
            }
        }
        return true;
    }
}
