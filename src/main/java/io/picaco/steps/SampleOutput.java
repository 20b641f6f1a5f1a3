package io.picaco.steps;

import java.util.List;

import io.picaco.llm.Usage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One response per item, in input order; a failed call carries {@code error} and no text. */
@RegisterForReflection
public record SampleOutput(List<Response> responses, Usage usage) {
    public record Response(String id, String text, String error) {
    }
}
