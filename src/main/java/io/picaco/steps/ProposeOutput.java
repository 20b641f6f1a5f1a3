package io.picaco.steps;

import java.util.List;

import io.picaco.llm.Usage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** New candidate instructions (duplicates of earlier ones dropped); {@code error} when the optimizer failed. */
@RegisterForReflection
public record ProposeOutput(List<String> candidates, Usage usage, String error) {
}
