package io.picaco.steps;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.langchain4j.data.embedding.Embedding;
import io.picaco.core.Value;
import io.picaco.llm.CallPool;
import io.picaco.llm.Embedder;
import io.picaco.llm.Judge;
import io.picaco.llm.Seeds;
import io.picaco.llm.UsageMeter;

/** Judges every response on every value and measures its redundancy against the value text. */
@ApplicationScoped
public class ScoreStep {
    @Inject
    Judge judge;
    @Inject
    Embedder embedder;
    @Inject
    CallPool pool;

    public ScoreOutput score(ScoreInput in) {
        StepRules.score(in);
        List<Value> values = in.values().stream().map(ValueInput::toValue).toList();
        String observations = in.observations() != null ? in.observations() : observations(values);
        String mode = in.judgeMode() == null ? Judge.JOINT : in.judgeMode();
        long seed = in.seed() == null ? 0 : in.seed();
        boolean rate = in.judge() == null || in.judge();

        Embedding s = embedder.embed(observations);
        List<Embedding> embeddings = embedder.embedAll(in.items().stream().map(ScoreInput.Item::response).toList());
        UsageMeter usage = new UsageMeter();
        List<Judge.Result> judgments = rate
                ? pool.map(in.items(), it -> judge.judge(values, it.query(), it.response(), mode,
                        Seeds.derive(seed, "judge", it.query(), it.response()), usage))
                : null;

        List<ScoreOutput.Item> out = new java.util.ArrayList<>();
        for (int i = 0; i < in.items().size(); i++) {
            double c = Embedder.cosine(embeddings.get(i), s);
            if (judgments == null) {
                out.add(new ScoreOutput.Item(in.items().get(i).id(), null, null, c, null));
            } else {
                Judge.Result j = judgments.get(i);
                out.add(new ScoreOutput.Item(in.items().get(i).id(), j.ratings(), j.reasons(), c, j.error()));
            }
        }
        return new ScoreOutput(out, usage.total());
    }

    /** The default observations s: one {@code name: definition} line per value. */
    public static String observations(List<Value> values) {
        return values.stream().map(Value::observationLine).collect(Collectors.joining("\n"));
    }

}
