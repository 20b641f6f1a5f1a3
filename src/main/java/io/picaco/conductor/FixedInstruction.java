package io.picaco.conductor;

import java.util.List;
import java.util.stream.Collectors;

import io.picaco.core.Demonstration;
import io.picaco.core.Value;
import io.picaco.llm.UrialDemonstrations;

/**
 * The methods that do not optimize (ALGORITHM.md, "Methods"): their run goes straight to the held-out evaluation of
 * one fixed instruction. {@code bare}: no system message; {@code q+if}: the seed instruction (every value with its
 * definition); {@code urial}: a preamble, the value list and three demonstrations sent as earlier chat turns.
 */
final class FixedInstruction implements Method {
    /** Our own words for URIAL's preamble (Lin et al. 2023 describe a careful, honest, harmless assistant). */
    static final String URIAL_PREAMBLE = """
            You are a careful AI assistant. You answer the user's question directly, accurately and helpfully; you \
            are honest about what you do not know, and you do not help with anything that could cause harm. Below \
            are earlier conversations that show how you answer. In every answer you honour these values:""";

    private final MethodName name;
    private final Start start;

    private FixedInstruction(MethodName name, Start start) {
        this.name = name;
        this.start = start;
    }

    static FixedInstruction bare() {
        return new FixedInstruction(MethodName.BARE, Start.BARE);
    }

    static FixedInstruction qIf() {
        return new FixedInstruction(MethodName.Q_IF, Start.SEED);
    }

    static FixedInstruction urial() {
        return new FixedInstruction(MethodName.URIAL, Start.OWN);
    }

    @Override
    public MethodName name() {
        return name;
    }

    @Override
    public Phase firstPhase() {
        return Phase.EVAL_SAMPLE;
    }

    @Override
    public Start start() {
        return start;
    }

    @Override
    public String ownInstruction(RunSpec spec) {
        return URIAL_PREAMBLE + "\n" + spec.values().stream().map(FixedInstruction::line)
                .collect(Collectors.joining("\n"));
    }

    private static String line(Value v) {
        return "- " + v.name() + ": " + v.definition();
    }

    /** The run's own examples, else the composition's three written demonstrations. */
    @Override
    public List<Demonstration> demonstrations(RunSpec spec) {
        if (start != Start.OWN) {
            return List.of();
        }
        if (spec.examples() != null && !spec.examples().isEmpty()) {
            return spec.examples();
        }
        return spec.composition() == null ? List.of()
                : UrialDemonstrations.find(spec.composition()).orElse(List.of());
    }

    /** URIAL's demonstrations join the observations s, as ALGORITHM.md says. */
    @Override
    public String observations(RunSpec spec) {
        if (start != Start.OWN) {
            return null;
        }
        return spec.values().stream().map(v -> v.name() + ": " + v.definition()).collect(Collectors.joining("\n"))
                + "\n" + demonstrations(spec).stream().map(d -> d.query() + "\n" + d.answer())
                        .collect(Collectors.joining("\n"));
    }
}
