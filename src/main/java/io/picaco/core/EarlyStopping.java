package io.picaco.core;

import java.util.List;

/** Stop when the best Ĵ has not improved by more than δ for P consecutive iterations. */
public record EarlyStopping(double delta, int patience) {

    /**
     * @param bestSoFar the best Ĵ after the bootstrap (index 0) and after each iteration since (index t)
     * @return how many iterations in a row, counted from the end, failed to improve by more than δ
     */
    public static int staleIterations(List<Double> bestSoFar, double delta) {
        int stale = 0;
        double best = bestSoFar.isEmpty() ? Double.NEGATIVE_INFINITY : Scoring.comparable(bestSoFar.get(0));
        for (int t = 1; t < bestSoFar.size(); t++) {
            double now = Scoring.comparable(bestSoFar.get(t));
            if (Scoring.comparable(now - best) > delta) {
                stale = 0;
            } else {
                stale++;
            }
            best = Math.max(best, now);
        }
        return stale;
    }

    public boolean shouldStop(List<Double> bestSoFar) {
        return staleIterations(bestSoFar, delta) >= patience;
    }
}
