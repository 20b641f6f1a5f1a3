package io.picaco.conductor;

import io.picaco.steps.ProposeInput;
import io.picaco.steps.ProposeOutput;
import io.picaco.steps.SampleInput;
import io.picaco.steps.SampleOutput;
import io.picaco.steps.ScoreInput;
import io.picaco.steps.ScoreOutput;
import io.picaco.steps.SelectInput;
import io.picaco.steps.SelectOutput;

/** How the conductor reaches the step functions: in-process here, over HTTP when they are deployed apart. */
public interface StepInvoker {
    ProposeOutput propose(ProposeInput in);

    SampleOutput sample(SampleInput in);

    ScoreOutput score(ScoreInput in);

    SelectOutput select(SelectInput in);
}
