package io.picaco.web;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.picaco.store.Instruction;
import io.picaco.store.Json;
import io.picaco.store.ResponseRow;
import io.picaco.store.Run;

/** Test helper: writes model-made text that tries to break out of the page into a stored run. */
@ApplicationScoped
public class HostileRows {
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String IMG = "<img src=x onerror=alert(1)>";

    @Transactional
    public void insert(String runId, String valueId) {
        Run run = Run.findById(runId);
        Instruction i = new Instruction();
        i.runId = runId;
        i.iteration = 1;
        i.origin = Instruction.CANDIDATE;
        i.text = "Be kind. " + IMG + " Be brief.";
        i.jHat = 0.5;
        i.perValueJson = Json.write(Map.of(valueId, 3.0));
        i.samples = 1;
        i.createdAt = Instant.now();
        i.persist();
        ResponseRow r = new ResponseRow();
        r.runId = runId;
        r.instructionId = i.id;
        r.split = ResponseRow.TRAIN;
        r.queryIndex = 0;
        r.sampleIndex = 99;
        r.iteration = 1;
        r.text = "Here you go: " + SCRIPT;
        r.scored = true;
        r.ratingsJson = Json.write(Map.of(valueId, 4.0));
        r.reasonsJson = Json.write(Map.of(valueId, "It said " + SCRIPT));
        r.redundancy = 0.2;
        r.tau = -1.5;
        r.pool = ResponseRow.ALIGNED;
        r.createdAt = Instant.now();
        r.persist();
        run.incumbentId = i.id;
    }
}
