package io.picaco.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.picaco.bench.StartupBenchmark;

/** The YAML under deploy/ is valid against the Kubernetes and Knative models, consistent, and wired as documented. */
class DeployManifestsTest {
    static final Path DEPLOY = Path.of("deploy");
    static final Path FIXTURES = Path.of("src/test/resources/deploy-fixtures");
    static final List<String> STEPS = List.of("propose", "sample", "score", "select");

    static List<ManifestValidator.Doc> all() throws Exception {
        return ManifestValidator.validateFolders(DEPLOY.resolve("kubernetes"), DEPLOY.resolve("knative"));
    }

    @Test
    void everyManifestIsValidAndConsistent() throws Exception {
        List<ManifestValidator.Doc> docs = all();
        Set<String> kinds = docs.stream().map(d -> d.resource().getApiVersion() + "/" + d.resource().getKind())
                .collect(Collectors.toSet());
        assertEquals(ManifestValidator.KINDS.keySet(), kinds, "each kind we rely on is present");
    }

    @Test
    void aMisspeltFieldFails() {
        var e = assertThrows(ManifestValidator.InvalidManifest.class,
                () -> ManifestValidator.parse(FIXTURES.resolve("typo-deployment.yaml")));
        assertTrue(e.getMessage().contains("imagePullPolicyy"), e.getMessage());
        var k = assertThrows(ManifestValidator.InvalidManifest.class,
                () -> ManifestValidator.parse(FIXTURES.resolve("typo-knative.yaml")));
        assertTrue(k.getMessage().contains("containerConcurency"), k.getMessage());
    }

    @Test
    void theTypoFixtureIsOtherwiseValid() throws Exception {
        // Proof that it is the typo alone that fails: with the field spelt right the same document passes.
        Path fixed = Files.createTempFile("fixed", ".yaml");
        Files.writeString(fixed, Files.readString(FIXTURES.resolve("typo-deployment.yaml")).replace("imagePullPolicyy", "imagePullPolicy"));
        ManifestValidator.check(ManifestValidator.parse(fixed));
        Files.delete(fixed);
    }

    @Test
    void missingRequiredFieldsFail() throws Exception {
        var docs = ManifestValidator.parse(FIXTURES.resolve("missing-image.yaml"));
        var e = assertThrows(ManifestValidator.InvalidManifest.class, () -> ManifestValidator.check(docs));
        assertTrue(e.getMessage().contains("image is required"), e.getMessage());
        assertTrue(e.getMessage().contains("Secret nowhere has no key token"), e.getMessage());
    }

    @Test
    void knativeStepsRunAsStepInstancesWithTheToken() throws Exception {
        Map<String, List<Container>> steps = all().stream().filter(d -> d.resource() instanceof io.fabric8.knative.serving.v1.Service)
                .collect(Collectors.toMap(d -> d.resource().getMetadata().getName(),
                        d -> ((io.fabric8.knative.serving.v1.Service) d.resource()).getSpec().getTemplate().getSpec().getContainers()));
        assertEquals(Set.of("picaco-propose", "picaco-sample", "picaco-score", "picaco-select"), steps.keySet());
        Set<String> images = new HashSet<>();
        steps.forEach((name, pod) -> {
            // the functions profile: no conductor, no datasource (and no H2 URL left behind to suggest one)
            assertEquals("functions", ManifestValidator.env(pod, "QUARKUS_PROFILE"), name);
            assertNull(ManifestValidator.env(pod, "QUARKUS_DATASOURCE_JDBC_URL"), name);
            assertEquals("secret:picaco-auth/token", ManifestValidator.env(pod, "PICACO_AUTH_TOKEN"), name);
            images.add(pod.get(0).getImage());
        });
        assertEquals(1, images.size(), "one image for all steps");
    }

    @Test
    void conductorCallsEveryStepRemotely() throws Exception {
        Deployment conductor = (Deployment) all().stream()
                .filter(d -> d.resource() instanceof Deployment && d.resource().getMetadata().getName().equals("picaco-conductor"))
                .findFirst().orElseThrow().resource();
        List<Container> pod = conductor.getSpec().getTemplate().getSpec().getContainers();
        assertEquals("remote", ManifestValidator.env(pod, "PICACO_STEPS_MODE"));
        for (String step : STEPS) {
            assertEquals("http://picaco-" + step + "/" + step,
                    ManifestValidator.env(pod, "PICACO_STEPS_REMOTE_" + step.toUpperCase() + "_URL"));
        }
        assertEquals("secret:picaco-auth/token", ManifestValidator.env(pod, "PICACO_STEPS_REMOTE_TOKEN"));
        assertEquals("secret:picaco-db/password", ManifestValidator.env(pod, "QUARKUS_DATASOURCE_PASSWORD"));
        assertTrue(ManifestValidator.env(pod, "QUARKUS_DATASOURCE_JDBC_URL").startsWith("jdbc:postgresql://"));
    }

    @Test
    void samTemplateRoutesTheFourStepsToAStepInstance() throws Exception {
        JsonNode sam = new YAMLMapper().readTree(DEPLOY.resolve("aws-lambda/template.yaml").toFile());
        assertEquals("AWS::Serverless-2016-10-31", sam.path("Transform").asText());
        JsonNode fn = sam.path("Globals").path("Function");
        assertEquals("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest", fn.path("Handler").asText());
        assertEquals("../../target/lambda/function.zip", fn.path("CodeUri").asText());
        assertEquals("functions", fn.path("Environment").path("Variables").path("QUARKUS_PROFILE").asText());
        assertTrue(fn.path("Environment").path("Variables").path("QUARKUS_DATASOURCE_JDBC_URL").isMissingNode());
        assertNotNull(fn.path("Environment").path("Variables").get("PICACO_AUTH_TOKEN"));
        Set<String> paths = new HashSet<>();
        sam.path("Resources").path("PicacoSteps").path("Properties").path("Events").forEach(ev -> {
            assertEquals("HttpApi", ev.path("Type").asText());
            assertEquals("POST", ev.path("Properties").path("Method").asText());
            paths.add(ev.path("Properties").path("Path").asText());
        });
        assertEquals(Set.of("/propose", "/sample", "/score", "/select"), paths);
        assertTrue(sam.path("Parameters").path("AuthToken").path("NoEcho").asBoolean());
    }

    /** Every packaged launch uses the JVM options and malloc settings the start-up benchmark measures. */
    @Test
    void everyLaunchUsesTheBenchmarkedOptions() throws Exception {
        List<String> options = Arrays.stream(StartupBenchmark.OPTIONS.split(" "))
                .filter(o -> !o.startsWith("-XX:SharedArchiveFile")).toList(); // the archive's path differs per launch
        String docker = Files.readString(DEPLOY.resolve("docker/Dockerfile.jvm"));
        String pom = Files.readString(Path.of("pom.xml"));
        String docs = Files.readString(Path.of("docs/startup.md"));
        JsonNode lambda = new YAMLMapper().readTree(DEPLOY.resolve("aws-lambda/template.yaml").toFile())
                .path("Globals").path("Function").path("Environment").path("Variables");
        List<String> lambdaOptions = List.of(lambda.path("JAVA_TOOL_OPTIONS").asText().split(" "));
        for (String o : options) {
            assertTrue(docker.contains(o), "Dockerfile.jvm lacks " + o);
            assertTrue(pom.contains("<arg>" + o + "</arg>"), "the Jib entry point lacks " + o);
            assertTrue(lambdaOptions.contains(o), "the Lambda template lacks " + o);
            assertTrue(docs.contains(o), "docs/startup.md lacks " + o);
        }
        StartupBenchmark.environment(StartupBenchmark.MALLOC).forEach((name, value) -> {
            assertTrue(docker.contains(name + "=" + value), "Dockerfile.jvm lacks " + name);
            assertTrue(pom.contains("<" + name + ">" + value + "</" + name + ">"), "the Jib image lacks " + name);
            assertEquals(value, lambda.path(name).asText(), "the Lambda template's " + name);
            assertTrue(docs.contains(name + "=" + value), "docs/startup.md lacks " + name);
        });
    }
}
