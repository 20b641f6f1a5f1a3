package io.picaco.conductor;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.store.ResponseRow;

/** Score: the judge rates every new training response on every value, and each is embedded; τ follows. */
@ApplicationScoped
class ScorePhase implements PhaseStep {
    @Inject
    Scorer scorer;

    @Override
    public Set<Phase> phases() {
        return Set.of(Phase.SCORE);
    }

    @Override
    public void run(Snapshot s) {
        scorer.score(s, true, ResponseRow.TRAIN, run -> {
        });
    }
}
