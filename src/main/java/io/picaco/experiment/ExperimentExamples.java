package io.picaco.experiment;

/** Examples shown in {@code /q/openapi} for the experiment operations, shortened from a quick grid on the simulator. */
final class ExperimentExamples {
    private ExperimentExamples() {
    }

    /** The 201 body of {@code POST /api/experiments}. */
    record Created(String id, String status, int runs) {
    }

    static final String REQUEST = """
            {"name": "Quick comparison", "compositions": ["confucianism-4", "hh-balance-8"],
             "methods": ["bare", "q+if", "picaco", "picaco-single-round"], "targets": ["target"],
             "repeats": 2, "seed": 1, "preset": "quick", "iterations": 2,
             "evaluation": {"heldOut": 16, "samples": 2, "querySet": null},
             "models": {"optimizer": "optimizer", "judge": "judge"},
             "budget": {"maxCalls": 20000}}""";

    static final String CREATED = """
            {"id": "7d3a1c52-90b4-4c6e-8f0e-2b7d9a4c1e11", "status": "QUEUED", "runs": 8}""";

    static final String ESTIMATE = """
            {"runs": 8, "cells": 2, "units": 32, "calls": 5264, "targetCalls": 2336, "optimizerCalls": 16,
             "judgeCalls": 2720, "evaluatorCalls": 192, "inputTokens": 2310000, "outputTokens": 640000, "tokens": 2950000, "cost": 0.0,
             "callsByMethod": {"bare": 0, "q+if": 0, "picaco": 2632, "picaco-single-round": 2632}}""";

    static final String LIST = """
            [{"id": "7d3a1c52-90b4-4c6e-8f0e-2b7d9a4c1e11", "name": "Quick comparison", "status": "RUNNING",
              "progress": {"runsDone": 3, "runsTotal": 8}, "compositions": ["confucianism-4", "hh-balance-8"],
              "methods": ["bare", "q+if", "picaco", "picaco-single-round"], "targets": ["target"], "repeats": 2,
              "createdAt": "2026-11-30T05:20:00Z"}]""";

    static final String VIEW = """
            {"id": "7d3a1c52-90b4-4c6e-8f0e-2b7d9a4c1e11", "name": "Quick comparison", "status": "DONE",
             "progress": {"runsDone": 8, "runsTotal": 8},
             "cells": [{"composition": "confucianism-4", "target": "target", "units": 32, "unitsDropped": 0,
               "methods": [
                 {"method": "q+if", "mean": 2.91, "ci": [2.74, 3.08], "min": 2.31, "minCi": [2.05, 2.6], "cv": 0.14,
                  "cvCi": [0.09, 0.2], "redundancy": 0.41, "perValue": {"tradition": 3.2, "conformity": 2.31,
                  "benevolence": 3.4, "security": 2.73}, "meanRank": 1.9,
                  "vsPicaco": {"diff": 0.38, "ci": [0.2, 0.55], "p": 0.0008, "pHolm": 0.0016},
                  "calls": 0, "cost": 0.0, "runs": ["5b1e…", "a2c4…"]},
                 {"method": "picaco", "mean": 3.29, "ci": [3.12, 3.45], "min": 2.98, "minCi": [2.7, 3.2],
                  "cv": 0.06, "cvCi": [0.03, 0.1], "redundancy": 0.33, "perValue": {"tradition": 3.4,
                  "conformity": 2.98, "benevolence": 3.5, "security": 3.28}, "meanRank": 1.1, "vsPicaco": null,
                  "calls": 1316, "cost": 0.0, "runs": ["5b1e…", "a2c4…"]}],
               "friedman": {"chi2": 14.2, "df": 1, "p": 0.00016}}],
             "usage": {"calls": 5210, "failures": 0, "cacheHits": 310, "inputTokens": 2290000,
                       "outputTokens": 630000, "cost": 0.0},
             "error": null,
             "setup": {"methods": ["q+if", "picaco"], "compositions": ["confucianism-4"], "targets": ["target"],
                       "repeats": 2, "seed": 1, "preset": "quick", "heldOut": 16, "samples": 2, "querySet": null,
                       "evaluator": "evaluator (sim-evaluator)", "baselinesFrom": "picaco", "budget": null},
             "runs": [{"id": "5b1e…", "composition": "confucianism-4", "target": "target", "repeat": 0,
                       "method": "picaco", "status": "DONE"}],
             "createdAt": "2026-11-30T05:20:00Z"}""";

    static final String MARKDOWN = """
            # Quick comparison

            - **Evaluator**: judge rates every held-out response (optimization never sees these ratings)
            - **Queries**: 16 held-out queries per cell and repeat, split from each composition's own query set …

            ## confucianism-4 × target

            32 units (16 queries × 2 repeats, each the mean of 2 samples)

            | method | mean [95 % CI] | min | CV | redundancy | mean rank | Δ vs PICACO [95 % CI] | p | pHolm | calls |
            |---|---|---|---|---|---|---|---|---|---|
            | q+if | 2.91 [2.74, 3.08] | 2.31 | 0.140 | 0.410 | 1.90 | 0.38 [0.20, 0.55] | 0.0008 | 0.0016 | 0 |
            | picaco | 3.29 [3.12, 3.45] | 2.98 | 0.060 | 0.330 | 1.10 | — | — | — | 1,316 |

            Friedman: χ²_F = 14.20, df = 1, p = 0.0002 (blocks = 32 units)
            """;
}
