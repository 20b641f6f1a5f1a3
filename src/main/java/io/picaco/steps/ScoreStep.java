package io.picaco.steps;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.picaco.llm.JudgeMode;

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
    StepRules rules;
    @Inject
    Judge judge;
    @Inject
    Embedder embedder;
    @Inject
    CallPool pool;
    @Inject
    StepEndpoints endpoints;

    public ScoreOutput score(ScoreInput in) {
        rules.score(in);
        String endpoint = endpoints.resolve(in.model(), io.picaco.llm.Role.JUDGE);
        List<Value> values = in.values().stream().map(ValueInput::toValue).toList();
        String observations = in.observations() != null ? in.observations() : observations(values);
        JudgeMode mode = in.judgeMode() == null ? JudgeMode.JOINT : in.judgeMode();
        long seed = in.seed() == null ? 0 : in.seed();
        boolean rate = in.judge() == null || in.judge();

        UsageMeter usage = new UsageMeter();
        // Judge calls wait on the network while the embedder works the CPU: start them first, embed meanwhile.
        java.util.concurrent.CompletableFuture<List<Judge.Result>> pending = rate
                ? pool.start(in.items(), it -> judge.judge(endpoint, values, it.query(), it.response(), mode,
                        Seeds.derive(seed, "judge", it.query(), it.response()), usage))
                : java.util.concurrent.CompletableFuture.completedFuture(null);
        Embedding s = embedder.embed(observations);
        List<Embedding> embeddings = embedder.embedAll(in.items().stream().map(ScoreInput.Item::response).toList());
        List<Judge.Result> judgments = pending.join();

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
