package io.picaco.api;

/**
 * Examples shown in {@code /q/openapi} and Swagger UI: one per operation, shortened from a quick run on the
 * simulator. Kept apart from the resources so that those stay readable.
 */
final class ApiExamples {
    private ApiExamples() {
    }

    /** The 201 body of {@code POST /api/runs}. */
    record Created(String id, String status) {
    }

    static final String RUN_REQUEST = """
            {"composition": "confucianism-4", "seed": 7, "preset": "quick", "iterations": 4,
             "budget": {"maxCalls": 2000}}""";

    static final String CREATED = """
            {"id": "4f9c2a7e-2b1d-4c55-9a51-0d7f3e6b8c21", "status": "QUEUED"}""";

    static final String ESTIMATE = """
            {"calls": 496, "targetCalls": 264, "optimizerCalls": 4, "judgeCalls": 204, "evaluatorCalls": 24,
             "inputTokens": 201000,
             "outputTokens": 52000, "tokens": 253000, "cost": 0.0, "trainingQueries": 12, "heldOutQueries": 4}""";

    static final String RUN_LIST = """
            [{"id": "4f9c2a7e-2b1d-4c55-9a51-0d7f3e6b8c21", "name": "confucianism-4, seed 7",
              "composition": "confucianism-4", "status": "RUNNING", "phase": "SCORE", "iteration": 2,
              "iterations": 4, "bestJHat": -3.42, "calls": 231, "tokens": 118400, "simulated": true,
              "createdAt": "2026-11-30T01:20:00Z"}]""";

    static final String RUN_VIEW = """
            {"id": "4f9c2a7e-2b1d-4c55-9a51-0d7f3e6b8c21", "name": "confucianism-4, seed 7",
             "composition": "confucianism-4", "status": "RUNNING", "phase": "SCORE", "iteration": 2, "iterations": 4,
             "simulated": true, "models": "simulated models",
             "best": {"id": 14, "text": "Respect the customs and duties the asker lives by, keep others safe, and be kind in every answer.",
                      "jHat": -3.42, "perValue": {"tradition": 3.6, "conformity": 3.1, "benevolence": 3.9, "security": 3.3},
                      "samples": 12},
             "trajectory": [{"iteration": 0, "jHat": -6.85, "instructionId": 2,
                             "perValue": {"tradition": 2.8, "conformity": 1.9, "benevolence": 3.1, "security": 1.7}},
                            {"iteration": 1, "jHat": -3.42, "instructionId": 14,
                             "perValue": {"tradition": 3.6, "conformity": 3.1, "benevolence": 3.9, "security": 3.3}}],
             "usage": {"calls": 231, "failures": 0, "retries": 0, "cacheHits": 0, "inputTokens": 94100,
                       "outputTokens": 24300, "cost": 0.0}}""";

    static final String RUN_CANCELLED = """
            {"id": "4f9c2a7e-2b1d-4c55-9a51-0d7f3e6b8c21", "composition": "confucianism-4", "status": "CANCELLED",
             "phase": "SAMPLE", "iteration": 2, "iterations": 4, "simulated": true, "models": "simulated models"}""";

    static final String EXPORT_JSON = """
            {"run": {"id": "4f9c2a7e-2b1d-4c55-9a51-0d7f3e6b8c21", "status": "DONE"},
             "instructions": [{"id": 14, "iteration": 1, "origin": "candidate", "text": "Respect the customs ...",
                               "jHat": -3.42, "perValue": {"tradition": 3.6}, "samples": 12}],
             "alignedPool": [], "noisyPool": [], "steps": []}""";

    static final String EXPORT_MARKDOWN = """
            # PICACO run confucianism-4, seed 7

            Models: simulated models ...""";

    static final String PROBLEM = """
            {"type": "about:blank", "title": "Invalid input", "status": 400,
             "detail": "iterations: must be between 1 and 50",
             "violations": [{"field": "iterations", "message": "must be between 1 and 50"}]}""";

    static final String COMPOSITIONS = """
            [{"id": "confucianism-4", "title": "Confucianism-4", "description": "Four Schwartz values ...",
              "values": [{"id": "tradition", "name": "Tradition",
                          "definition": "Respect for the customs and beliefs handed down by your culture, family or religion.",
                          "weight": 1.0}],
              "tensions": [], "querySet": "schwartz", "queries": 80}]""";

    static final String COMPOSITION = """
            {"id": "confucianism-4", "title": "Confucianism-4", "description": "Four Schwartz values ...",
             "values": [{"id": "tradition", "name": "Tradition",
                         "definition": "Respect for the customs and beliefs handed down by your culture, family or religion.",
                         "weight": 1.0}],
             "tensions": [], "querySet": "schwartz", "queries": 80}""";
}
