package io.picaco.sim.lang;

/** One chat message of a request, as every simulated model receives it. */
public record Message(String role, String content) {
}
