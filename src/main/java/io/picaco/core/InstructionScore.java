package io.picaco.core;

import java.util.Map;

/** Ĵ of one instruction with its per-value mean ratings (1–5) and the number of valid samples behind them. */
public record InstructionScore(String id, Double jHat, Map<String, Double> perValue, int samples) {
}
