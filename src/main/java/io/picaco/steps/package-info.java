/**
 * The four optimization steps as stateless functions: JSON in, JSON out, no database.
 *
 * <p>The annotation gives {@code /q/openapi} the step functions' JSON schemas. Funqy routes are not scanned, so their paths and
 * examples are written in {@code META-INF/openapi.yaml}; the schemas they refer to are generated here from the
 * records themselves, so the description cannot drift from the code.
 */
@OpenAPIDefinition(info = @Info(title = "PICACO Functions", version = "0.1.0",
        description = "Finds a meta-instruction that makes an LLM honour several values at once: the run API under "
                + "/api, and the four stateless step functions /propose, /sample, /score and /select. "
                + "The method is stated in docs/algorithm.md."),
        components = @Components(schemas = {
                @Schema(name = "ProposeInput", implementation = ProposeInput.class),
                @Schema(name = "ProposeOutput", implementation = ProposeOutput.class),
                @Schema(name = "SampleInput", implementation = SampleInput.class),
                @Schema(name = "SampleOutput", implementation = SampleOutput.class),
                @Schema(name = "ScoreInput", implementation = ScoreInput.class),
                @Schema(name = "ScoreOutput", implementation = ScoreOutput.class),
                @Schema(name = "SelectInput", implementation = SelectInput.class),
                @Schema(name = "SelectOutput", implementation = SelectOutput.class),
                @Schema(name = "Problem", implementation = Problem.class) }))
package io.picaco.steps;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.picaco.validation.Problem;
