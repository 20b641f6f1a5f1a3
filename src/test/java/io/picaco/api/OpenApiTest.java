package io.picaco.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * {@code /q/openapi} describes every {@code /api} operation and the four step functions, with schemas and an
 * example each; the step functions' documented examples are working requests.
 */
@QuarkusTest
class OpenApiTest {
    static final List<String> STEP_FUNCTIONS = List.of("/propose", "/sample", "/score", "/select");
    static JsonPath openapi;
    static Map<String, Object> document;

    /** Fetched once, in the first test (RestAssured knows the test port only from then on). */
    @BeforeEach
    @SuppressWarnings("unchecked")
    void fetch() throws Exception {
        if (openapi != null) {
            return;
        }
        String json = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        openapi = JsonPath.from(json);
        document = new ObjectMapper().readValue(json, Map.class);
    }

    /**
     * The expected list comes from the JAX-RS resources themselves (every class under io.picaco annotated with
     * {@code @Path("/api...")}), so an operation added without showing up in the description fails here.
     */
    static Set<String> apiOperationsInCode() throws ClassNotFoundException {
        Set<String> ops = new TreeSet<>();
        for (var c : mainClasses()) {
            if (!c.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> type = Class.forName(c.getName());
            String base = type.getAnnotation(Path.class).value();
            if (!base.startsWith("/api")) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb != null) {
                    Path sub = m.getAnnotation(Path.class);
                    ops.add(verb + " " + join(base, sub == null ? "" : sub.value()));
                }
            }
        }
        return ops;
    }

    /** The compiled main classes, read from the test class path (not through Quarkus's class loader). */
    static com.tngtech.archunit.core.domain.JavaClasses mainClasses() {
        Thread thread = Thread.currentThread();
        ClassLoader quarkus = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.picaco");
        } finally {
            thread.setContextClassLoader(quarkus);
        }
    }

    static String verb(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "get";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "post";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "put";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "delete";
        }
        if (m.isAnnotationPresent(PATCH.class)) {
            return "patch";
        }
        return m.isAnnotationPresent(HEAD.class) ? "head" : null;
    }

    static String join(String base, String sub) {
        String path = (base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @SuppressWarnings("unchecked")
    static Set<String> apiOperationsDescribed() {
        Set<String> ops = new TreeSet<>();
        ((Map<String, Map<String, Object>>) document.get("paths")).forEach((path, item) -> {
            if (path.startsWith("/api")) {
                item.keySet().stream().filter(k -> Set.of("get", "post", "put", "delete", "patch", "head").contains(k))
                        .forEach(verb -> ops.add(verb + " " + path));
            }
        });
        return ops;
    }

    @Test
    void everyApiOperationIsDescribed() throws Exception {
        Set<String> inCode = apiOperationsInCode();
        assertTrue(inCode.size() >= 9, "the resources were found: " + inCode);
        assertTrue(inCode.contains("post /api/runs/{id}/cancel"), inCode.toString());
        assertEquals(inCode, apiOperationsDescribed());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationHasAnExampleAndASchema() {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        for (String op : apiOperationsDescribed()) {
            String[] parts = op.split(" ");
            Map<String, Object> operation = (Map<String, Object>) paths.get(parts[1]).get(parts[0]);
            String text = operation.toString();
            assertTrue(text.contains("example"), op + " has an example");
            assertTrue(text.contains("schema"), op + " has a schema");
            assertNotNull(operation.get("summary"), op + " has a summary");
        }
    }

    @Test
    void theSimulatorAndThePagesAreNotPartOfTheApi() {
        assertFalse(openapi.getMap("paths").keySet().stream().anyMatch(p -> p.toString().startsWith("/sim")));
        assertFalse(openapi.getMap("paths").containsKey("/runs/{id}"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/propose", "/sample", "/score", "/select" })
    void stepFunctionsAreDescribedWithSchemasAndAnExample(String path) {
        String op = "paths.'" + path + "'.post";
        String in = openapi.getString(op + ".requestBody.content.'application/json'.schema.$ref");
        String out = openapi.getString(op + ".responses.'200'.content.'application/json'.schema.$ref");
        assertNotNull(in, path + " request schema");
        assertNotNull(out, path + " response schema");
        // the referenced schemas are generated from the step records, so they have the records' fields
        String inName = in.substring(in.lastIndexOf('/') + 1);
        String outName = out.substring(out.lastIndexOf('/') + 1);
        assertFalse(openapi.getMap("components.schemas." + inName + ".properties").isEmpty(), inName);
        assertFalse(openapi.getMap("components.schemas." + outName + ".properties").isEmpty(), outName);
        assertNotNull(openapi.get(op + ".requestBody.content.'application/json'.example"), path + " example");
        assertNotNull(openapi.get(op + ".responses.'400'"), path + " documents bad input");
    }

    @Test
    void theStepRecordsFieldsAreInTheirSchemas() {
        assertTrue(openapi.getMap("components.schemas.SampleInput.properties").keySet()
                .containsAll(Set.of("items", "seed", "temperature", "model")));
        assertTrue(openapi.getMap("components.schemas.SelectInput.properties").keySet()
                .containsAll(Set.of("beta", "values", "weights", "baselines", "incumbent", "instructions",
                        "alignedPoolSize")));
        assertTrue(openapi.getMap("components.schemas.ScoreOutput.properties").containsKey("items"));
    }

    /** Enums are described with the spellings the JSON carries. */
    @Test
    void enumsShowTheirJsonSpellings() {
        assertEquals(List.of("joint", "per-value"), openapi.getList("components.schemas.JudgeMode.enum"));
        assertTrue(openapi.getList("components.schemas.RunStatus.enum").contains("BUDGET_EXHAUSTED"));
    }

    /** What the description shows a user to send, the function accepts. */
    @ParameterizedTest
    @ValueSource(strings = { "/propose", "/sample", "/score", "/select" })
    void theDocumentedExampleIsAWorkingRequest(String path) throws Exception {
        Object example = openapi.get("paths.'" + path + "'.post.requestBody.content.'application/json'.example");
        given().contentType("application/json").body(new ObjectMapper().writeValueAsString(example))
                .when().post(path)
                .then().statusCode(200).body("$", not(hasKey("violations")));
    }

    @Test
    void theSelectExampleAnswersWhatTheDescriptionShows() throws Exception {
        Object example = openapi.get("paths.'/select'.post.requestBody.content.'application/json'.example");
        Map<String, Object> documented = openapi.getMap("paths.'/select'.post.responses.'200'.content.'application/json'.example");
        JsonPath actual = given().contentType("application/json").body(new ObjectMapper().writeValueAsString(example))
                .when().post("/select").then().statusCode(200).extract().jsonPath();
        assertEquals(documented.get("selected"), actual.getString("selected"));
        assertEquals(documented.get("alignedPool"), actual.getMap("alignedPool"));
        List<Map<String, Object>> ranking = (List<Map<String, Object>>) documented.get("ranking");
        for (int i = 0; i < ranking.size(); i++) {
            assertEquals(((Number) ranking.get(i).get("jHat")).doubleValue(),
                    actual.getDouble("ranking[" + i + "].jHat"), 0.005, "Ĵ of " + ranking.get(i).get("id"));
        }
    }

    @Test
    void theEstimateExampleIsAWorkingRequest() throws Exception {
        Object example = openapi.get("paths.'/api/runs/estimate'.post.requestBody.content.'application/json'.examples.quick.value");
        assertNotNull(example);
        given().contentType("application/json").body(new ObjectMapper().writeValueAsString(example))
                .when().post("/api/runs/estimate").then().statusCode(200).body("calls", notNullValue());
    }

    /** Swagger UI is served in dev mode (and in tests); a production build leaves it out. */
    @Test
    void swaggerUiServesTheDescription() {
        given().redirects().follow(true).when().get("/q/swagger-ui/")
                .then().statusCode(200).body(containsString("swagger-ui"));
    }

    @Test
    void theBearerTokenIsDescribed() {
        assertEquals("bearer", openapi.getString("components.securitySchemes.bearer.scheme"));
    }
}
