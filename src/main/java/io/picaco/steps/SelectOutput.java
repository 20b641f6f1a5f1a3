package io.picaco.steps;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Ranking best first, the selected id, and (when asked) the aligned pool: response ids per query, best τ first. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SelectOutput(List<Ranked> ranking, String selected, Map<String, List<String>> alignedPool) {
    public record Ranked(String id, Double jHat, Map<String, Double> perValue, int samples) {
    }
}
