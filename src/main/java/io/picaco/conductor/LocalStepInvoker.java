package io.picaco.conductor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import io.picaco.steps.ProposeInput;
import io.picaco.steps.ProposeOutput;
import io.picaco.steps.ProposeStep;
import io.picaco.steps.SampleInput;
import io.picaco.steps.SampleOutput;
import io.picaco.steps.SampleStep;
import io.picaco.steps.ScoreInput;
import io.picaco.steps.ScoreOutput;
import io.picaco.steps.ScoreStep;
import io.picaco.steps.SelectInput;
import io.picaco.steps.SelectOutput;
import io.picaco.steps.SelectStep;


/** Calls the step functions in this process: the same code the Funqy endpoints run. */
@ApplicationScoped
@Typed(LocalStepInvoker.class)
public class LocalStepInvoker implements StepInvoker {
    @Inject
    ProposeStep propose;
    @Inject
    SampleStep sample;
    @Inject
    ScoreStep score;
    @Inject
    SelectStep select;

    @Override
    public ProposeOutput propose(ProposeInput in) {
        return propose.propose(in);
    }

    @Override
    public SampleOutput sample(SampleInput in) {
        return sample.sample(in);
    }

    @Override
    public ScoreOutput score(ScoreInput in) {
        return score.score(in);
    }

    @Override
    public SelectOutput select(SelectInput in) {
        return select.select(in);
    }
}
