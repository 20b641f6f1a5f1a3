package io.picaco.conductor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.PicacoConfig;
import io.picaco.steps.ProposeInput;
import io.picaco.steps.ProposeOutput;
import io.picaco.steps.SampleInput;
import io.picaco.steps.SampleOutput;
import io.picaco.steps.ScoreInput;
import io.picaco.steps.ScoreOutput;
import io.picaco.steps.SelectInput;
import io.picaco.steps.SelectOutput;

/** The conductor's steps: in-process, or remote when {@code picaco.steps.mode=remote}. */
@ApplicationScoped
public class RoutedStepInvoker implements StepInvoker {
    @Inject
    LocalStepInvoker local;
    @Inject
    RemoteStepInvoker remote;
    @Inject
    PicacoConfig config;

    private StepInvoker target() {
        return config.steps().mode() == io.picaco.PicacoConfig.Steps.Mode.REMOTE ? remote : local;
    }

    @Override
    public ProposeOutput propose(ProposeInput in) {
        return target().propose(in);
    }

    @Override
    public SampleOutput sample(SampleInput in) {
        return target().sample(in);
    }

    @Override
    public ScoreOutput score(ScoreInput in) {
        return target().score(in);
    }

    @Override
    public SelectOutput select(SelectInput in) {
        return target().select(in);
    }
}
