package io.picaco.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.picaco.AppJson;
import io.picaco.conductor.RunSpec;
import io.picaco.steps.SelectOutput;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One mapper, the injected one: the refusal of unknown fields stays with the requests of the API and the step
 * functions, and never reaches what the app reads back from its store or from other services.
 */
@QuarkusTest
class LenientJsonTest {
    static final String SELECTED = "{\"ranking\":[],\"selected\":\"i1\",\"alignedPool\":{},\"addedLater\":true}";

    @Inject
    ObjectMapper injected;

    @Test
    void codeThatIsNotABeanUsesTheInjectedMapper() {
        assertSame(injected, AppJson.mapper());
    }

    @Test
    void aStoredValueWithAFieldThisVersionDoesNotKnowStillReads() {
        RunSpec spec = Json.read("{\"name\":\"old run\",\"composition\":\"confucianism-4\",\"retiredField\":3}",
                RunSpec.class);
        assertEquals("old run", spec.name());
        // even a type of the strict packages (a step's answer, as a remote step or the store may hand it back)
        assertEquals("i1", Json.read(SELECTED, SelectOutput.class).selected());
    }

    @Test
    void requestsStayStrict() throws Exception {
        // every unknown field of a request is named at once (StrictRequests.UnknownFields, a MismatchedInputException)
        assertThrows(MismatchedInputException.class, () -> injected.readValue(SELECTED, SelectOutput.class));
        assertEquals("i1", AppJson.lenient(injected).readValue("{\"selected\":\"i1\",\"x\":1}", SelectOutput.class)
                .selected());
    }
}
