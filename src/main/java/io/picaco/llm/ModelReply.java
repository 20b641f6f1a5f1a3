package io.picaco.llm;

/** The text a model answered, with what the call cost. */
public record ModelReply(String text, Usage usage) {
}
