package io.picaco.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Checks Kubernetes and Knative YAML without a cluster: every document is read into the typed fabric8 model of its
 * {@code apiVersion}/{@code kind} strictly (an unknown or misspelt field anywhere fails; the models normally keep those
 * quietly in {@code additionalProperties}), then checked for the fields a cluster would require and for references
 * between the documents (Secrets, ConfigMaps, selectors).
 */
public final class ManifestValidator {
    /** The kinds our manifests use, by {@code apiVersion/kind}; any other kind is an error. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "serving.knative.dev/v1/Service", io.fabric8.knative.serving.v1.Service.class);

    private static final YAMLMapper TREE = new YAMLMapper();
    private static final ObjectMapper STRICT = new ObjectMapper(new YAMLFactory())
            .setAnnotationIntrospector(new Strict())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);

    /** Turns off the catch-all for unknown fields that the generated models carry. */
    static final class Strict extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            JsonIgnoreProperties.Value v = super.findPropertyIgnoralByName(config, a);
            return v == null ? null : v.withoutIgnoreUnknown();
        }
    }

    /** One parsed document and where it came from. */
    public record Doc(String source, HasMetadata resource) {
    }

    private ManifestValidator() {
    }

    /** Reads every {@code *.yaml} under the folders (sorted), strictly; then checks the whole set. */
    public static List<Doc> validateFolders(Path... folders) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                    docs.addAll(parse(f));
                }
            }
        }
        check(docs);
        return docs;
    }

    /** Parses one file of one or more YAML documents strictly; throws {@link InvalidManifest} naming the file and field. */
    public static List<Doc> parse(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        int index = 0;
        try (var it = TREE.readerFor(JsonNode.class).<JsonNode> readValues(Files.readString(file))) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                index++;
                if (node == null || node.isNull() || node.isMissingNode() || node.isEmpty()) {
                    continue;
                }
                String where = file.getFileName() + " #" + index;
                String key = node.path("apiVersion").asText("") + "/" + node.path("kind").asText("");
                Class<? extends HasMetadata> type = KINDS.get(key);
                if (type == null) {
                    throw new InvalidManifest(where + ": unknown apiVersion/kind " + key);
                }
                try {
                    docs.add(new Doc(where, STRICT.treeToValue(node, type)));
                } catch (IOException e) {
                    throw new InvalidManifest(where + " (" + key + "): " + (e instanceof com.fasterxml.jackson.databind.JsonMappingException jm
                            ? "at " + jm.getPathReference() + ": " + jm.getOriginalMessage() : e.getMessage()), e);
                }
            }
        }
        return docs;
    }

    /** Required fields and cross-references a cluster would reject or that would leave a pod unable to start. */
    public static void check(List<Doc> docs) {
        Map<String, Map<String, String>> secrets = new HashMap<>();
        Map<String, Map<String, String>> configMaps = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Doc d : docs) {
            String name = d.resource().getMetadata() == null ? null : d.resource().getMetadata().getName();
            if (name == null || !name.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
                problems.add(d.source() + ": metadata.name missing or not a DNS-1123 label: " + name);
                continue;
            }
            if (d.resource() instanceof Secret s) {
                Map<String, String> keys = new HashMap<>();
                if (s.getData() != null) keys.putAll(s.getData());
                if (s.getStringData() != null) keys.putAll(s.getStringData());
                secrets.put(name, keys);
            } else if (d.resource() instanceof ConfigMap c) {
                configMaps.put(name, c.getData() == null ? Map.of() : c.getData());
            }
        }
        for (Doc d : docs) {
            HasMetadata r = d.resource();
            String at = d.source() + " " + r.getKind() + "/" + r.getMetadata().getName();
            if (r instanceof Deployment dep) {
                workload(at, dep.getSpec() == null ? null : dep.getSpec().getSelector() == null ? null
                        : dep.getSpec().getSelector().getMatchLabels(),
                        dep.getSpec() == null || dep.getSpec().getTemplate() == null ? null : dep.getSpec().getTemplate(),
                        true, secrets, configMaps, problems);
            } else if (r instanceof StatefulSet sts) {
                workload(at, sts.getSpec() == null ? null : sts.getSpec().getSelector() == null ? null
                        : sts.getSpec().getSelector().getMatchLabels(),
                        sts.getSpec() == null ? null : sts.getSpec().getTemplate(), true, secrets, configMaps, problems);
                String svc = sts.getSpec() == null ? null : sts.getSpec().getServiceName();
                if (docs.stream().noneMatch(o -> o.resource() instanceof Service && o.resource().getMetadata().getName().equals(svc))) {
                    problems.add(at + ": spec.serviceName " + svc + " names no Service here");
                }
            } else if (r instanceof Service svc) {
                service(at, svc, docs, problems);
            } else if (r instanceof io.fabric8.knative.serving.v1.Service ksvc) {
                var template = ksvc.getSpec() == null ? null : ksvc.getSpec().getTemplate();
                var revision = template == null ? null : template.getSpec();
                if (revision == null) {
                    problems.add(at + ": spec.template.spec is required");
                } else if (revision.getContainers() == null || revision.getContainers().size() != 1) {
                    problems.add(at + ": a Knative Service needs exactly one serving container");
                } else {
                    containers(at, revision.getContainers(), false, secrets, configMaps, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidManifest(String.join("\n", problems));
        }
    }

    private static void workload(String at, Map<String, String> selector, io.fabric8.kubernetes.api.model.PodTemplateSpec template,
            boolean named, Map<String, Map<String, String>> secrets, Map<String, Map<String, String>> configMaps,
            List<String> problems) {
        if (selector == null || selector.isEmpty()) {
            problems.add(at + ": spec.selector.matchLabels is required");
        }
        if (template == null || template.getSpec() == null) {
            problems.add(at + ": spec.template.spec is required");
            return;
        }
        Map<String, String> labels = template.getMetadata() == null || template.getMetadata().getLabels() == null ? Map.of()
                : template.getMetadata().getLabels();
        if (selector != null && !labels.entrySet().containsAll(selector.entrySet())) {
            problems.add(at + ": spec.selector " + selector + " does not match the template's labels " + labels);
        }
        containers(at, template.getSpec().getContainers(), named, secrets, configMaps, problems);
    }

    private static void containers(String at, List<Container> containers, boolean named, Map<String, Map<String, String>> secrets,
            Map<String, Map<String, String>> configMaps, List<String> problems) {
        if (containers == null || containers.isEmpty()) {
            problems.add(at + ": at least one container is required");
            return;
        }
        for (Container c : containers) {
            String cat = at + " container " + c.getName();
            if (named && (c.getName() == null || c.getName().isBlank())) {
                problems.add(cat + ": name is required");
            }
            if (c.getImage() == null || c.getImage().isBlank()) {
                problems.add(cat + ": image is required");
            }
            for (EnvVar e : c.getEnv() == null ? List.<EnvVar> of() : c.getEnv()) {
                if (e.getName() == null || e.getName().isBlank()) {
                    problems.add(cat + ": an env entry has no name");
                } else if ((e.getValue() != null) == (e.getValueFrom() != null)) {
                    problems.add(cat + " env " + e.getName() + ": needs exactly one of value and valueFrom");
                } else if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    var ref = e.getValueFrom().getSecretKeyRef();
                    if (!Boolean.TRUE.equals(ref.getOptional()) && !secrets.getOrDefault(ref.getName(), Map.of()).containsKey(ref.getKey())) {
                        problems.add(cat + " env " + e.getName() + ": Secret " + ref.getName() + " has no key " + ref.getKey());
                    }
                } else if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = e.getValueFrom().getConfigMapKeyRef();
                    if (!configMaps.getOrDefault(ref.getName(), Map.of()).containsKey(ref.getKey())) {
                        problems.add(cat + " env " + e.getName() + ": ConfigMap " + ref.getName() + " has no key " + ref.getKey());
                    }
                }
            }
            for (var from : c.getEnvFrom() == null ? List.<io.fabric8.kubernetes.api.model.EnvFromSource> of() : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null && !configMaps.containsKey(from.getConfigMapRef().getName())) {
                    problems.add(cat + ": envFrom names no ConfigMap here: " + from.getConfigMapRef().getName());
                }
                if (from.getSecretRef() != null && !secrets.containsKey(from.getSecretRef().getName())) {
                    problems.add(cat + ": envFrom names no Secret here: " + from.getSecretRef().getName());
                }
            }
        }
    }

    private static void service(String at, Service svc, List<Doc> docs, List<String> problems) {
        if (svc.getSpec() == null || svc.getSpec().getPorts() == null || svc.getSpec().getPorts().isEmpty()) {
            problems.add(at + ": spec.ports is required");
            return;
        }
        svc.getSpec().getPorts().stream().filter(p -> p.getPort() == null).forEach(p -> problems.add(at + ": a port has no port number"));
        Map<String, String> selector = svc.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            problems.add(at + ": spec.selector is required (no external Endpoints are defined here)");
            return;
        }
        boolean matches = docs.stream().map(Doc::resource).map(r -> r instanceof Deployment d ? d.getSpec().getTemplate()
                : r instanceof StatefulSet s ? s.getSpec().getTemplate() : null).filter(Objects::nonNull)
                .anyMatch(t -> t.getMetadata() != null && t.getMetadata().getLabels() != null
                        && t.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()));
        if (!matches) {
            problems.add(at + ": spec.selector " + selector + " matches no pod template here");
        }
    }

    /** Env value of the first container, or null. */
    public static String env(List<Container> containers, String name) {
        return containers.get(0).getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .map(e -> e.getValue() != null ? e.getValue()
                        : e.getValueFrom().getSecretKeyRef() != null
                                ? "secret:" + e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey()
                                : "ref")
                .orElse(null);
    }

    public static final class InvalidManifest extends RuntimeException {
        InvalidManifest(String message) {
            super(message);
        }

        InvalidManifest(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
