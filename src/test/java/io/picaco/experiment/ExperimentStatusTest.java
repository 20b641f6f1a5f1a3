package io.picaco.experiment;

import static io.picaco.store.RunStatus.BUDGET_EXHAUSTED;
import static io.picaco.store.RunStatus.CANCELLED;
import static io.picaco.store.RunStatus.DONE;
import static io.picaco.store.RunStatus.FAILED;
import static io.picaco.store.RunStatus.QUEUED;
import static io.picaco.store.RunStatus.RUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.picaco.conductor.RunSpec;

/**
 * An experiment stores no progress: status and progress derive from its runs, so after a crash it is wherever its
 * runs are (and they resume). Also the budget rule: each run's share never adds up to more than the grid's.
 */
class ExperimentStatusTest {

    @Test
    void statusDerivesFromTheRuns() {
        assertEquals(QUEUED, ExperimentStatus.derive(List.of(QUEUED, QUEUED), false));
        assertEquals(RUNNING, ExperimentStatus.derive(List.of(QUEUED, RUNNING), false));
        assertEquals(RUNNING, ExperimentStatus.derive(List.of(DONE, QUEUED), false), "some finished, some queued");
        assertEquals(DONE, ExperimentStatus.derive(List.of(DONE, DONE), false));
        assertEquals(FAILED, ExperimentStatus.derive(List.of(DONE, FAILED, BUDGET_EXHAUSTED), false));
        assertEquals(BUDGET_EXHAUSTED, ExperimentStatus.derive(List.of(DONE, BUDGET_EXHAUSTED), false));
        assertEquals(CANCELLED, ExperimentStatus.derive(List.of(DONE, CANCELLED), false), "a run cancelled alone");
        assertEquals(CANCELLED, ExperimentStatus.derive(List.of(DONE, CANCELLED, FAILED), true));
        assertEquals(RUNNING, ExperimentStatus.derive(List.of(RUNNING, CANCELLED), true), "until every run stops");
    }

    @Test
    void progressCountsFinishedRunsWhateverTheirOutcome() {
        assertEquals(3, ExperimentStatus.done(List.of(DONE, FAILED, CANCELLED, RUNNING, QUEUED)));
        assertEquals(0, ExperimentStatus.done(List.of()));
    }

    @Test
    void aRunsBudgetIsItsShareOfTheGrids() {
        ExperimentRequest.Budget grid = new ExperimentRequest.Budget(1000L, 5000L, 2.0);
        RunSpec.Budget a = GridSpecs.share(grid, 0.7, 0.6, 0.65);
        RunSpec.Budget b = GridSpecs.share(grid, 0.3, 0.4, 0.35);
        assertEquals(700L, a.maxCalls());
        assertEquals(3000L, a.maxTokens());
        assertEquals(1.3, a.maxCost(), 1e-12);
        assertEquals(1000L, a.maxCalls() + b.maxCalls());
        assertEquals(2.0, a.maxCost() + b.maxCost(), 1e-12);
        RunSpec.Budget onlyCalls = GridSpecs.share(new ExperimentRequest.Budget(10L, null, null), 1.0 / 3,
                1.0 / 3, 1.0 / 3);
        assertEquals(3L, onlyCalls.maxCalls(), "rounded down: three runs never exceed the grid's 10 calls");
        assertEquals(null, onlyCalls.maxTokens());
    }

    @Test
    void bareAndQifComeFromPicacoWhenItRuns() {
        assertEquals("picaco", ExperimentPlanner.baselinesFrom(List.of("opro", "urial", "picaco")));
        assertEquals("picaco-single-round", ExperimentPlanner.baselinesFrom(List.of("urial", "picaco-single-round")));
        assertEquals("opro", ExperimentPlanner.baselinesFrom(List.of("opro", "urial")));
        assertEquals("q+if", ExperimentPlanner.baselinesFrom(List.of()));
    }
}
