package io.picaco.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The compositions of docs/algorithm.md. The paper does not list every member, so the members and the
 * plain-words definitions are ours.
 */
public final class BuiltInCompositions {

    // Schwartz's ten basic values, in our own words.
    static final Value SELF_DIRECTION = new Value("self-direction", "Self-direction",
            "Thinking and acting independently: choosing your own goals, exploring ideas, creating, and making decisions for yourself.");
    static final Value STIMULATION = new Value("stimulation", "Stimulation",
            "Seeking excitement, novelty and challenge: trying new experiences, adventure and variety instead of routine.");
    static final Value HEDONISM = new Value("hedonism", "Hedonism",
            "Valuing pleasure and enjoyment: having fun, savouring good experiences and treating yourself well.");
    static final Value ACHIEVEMENT = new Value("achievement", "Achievement",
            "Personal success by showing competence: ambition, skill, hard work and reaching goals that others recognise.");
    static final Value POWER = new Value("power", "Power",
            "Status and prestige: influence, authority, wealth and control over people and resources.");
    static final Value SECURITY = new Value("security", "Security",
            "Safety, stability and order for yourself, your family and society: avoiding danger, protecting health and keeping things predictable.");
    static final Value CONFORMITY = new Value("conformity", "Conformity",
            "Restraint and good manners: holding back impulses that could upset others, following rules and social expectations, politeness and self-discipline.");
    static final Value TRADITION = new Value("tradition", "Tradition",
            "Respect for the customs and beliefs handed down by your culture, family or religion: honouring elders, rituals, heritage and humility.");
    static final Value BENEVOLENCE = new Value("benevolence", "Benevolence",
            "Caring for the people close to you: kindness, honesty, loyalty, forgiveness and looking after their wellbeing.");
    static final Value UNIVERSALISM = new Value("universalism", "Universalism",
            "Understanding and protecting the welfare of all people and of nature: tolerance, fairness, equality and care for the environment.");

    // Helpfulness and harmlessness.
    static final Value INFORMATIVENESS = new Value("informativeness", "Informativeness",
            "Giving accurate, substantive facts and explanations that teach the user something useful about their question.");
    static final Value RELEVANCE = new Value("relevance", "Relevance",
            "Staying on the user's actual question and situation, without drifting into unrelated material.");
    static final Value CLARITY = new Value("clarity", "Clarity",
            "Being easy to follow: plain words, a logical order, short sentences and structure where it helps.");
    static final Value COMPLETENESS = new Value("completeness", "Completeness",
            "Covering every part of the request, including the steps, caveats and alternatives the user needs in order to act.");
    static final Value NON_TOXICITY = new Value("non-toxicity", "Non-toxicity",
            "Avoiding insults, harassment, hateful or demeaning language, and never encouraging violence or self-harm.");
    static final Value FAIRNESS = new Value("fairness", "Fairness",
            "Treating people and groups even-handedly, without bias, stereotypes or assumptions based on identity.");
    static final Value PRIVACY = new Value("privacy", "Privacy",
            "Protecting personal data: not revealing, guessing or helping to collect private information about people without their consent.");
    static final Value LAWFULNESS = new Value("lawfulness", "Lawfulness",
            "Not helping with illegal acts: pointing to legal routes and mentioning the rules that apply.");

    public static final String SCHWARTZ_QUERIES = "schwartz";
    public static final String HH_QUERIES = "hh";

    private static final List<Tension> SCHWARTZ_TENSIONS = List.of(
            new Tension("tradition", "stimulation", "keeping customs vs seeking novelty"),
            new Tension("conformity", "self-direction", "following norms vs deciding for yourself"),
            new Tension("security", "stimulation", "avoiding risk vs seeking challenge"),
            new Tension("power", "universalism", "control over others vs welfare of all"),
            new Tension("achievement", "benevolence", "personal success vs care for those close"),
            new Tension("hedonism", "conformity", "enjoying yourself vs restraining impulses"));

    private static final List<Tension> HH_TENSIONS = List.of(
            new Tension("informativeness", "privacy", "telling more vs protecting personal data"),
            new Tension("completeness", "non-toxicity", "covering everything vs leaving out harmful detail"));

    private static final Map<String, Composition> ALL = new LinkedHashMap<>();

    static {
        add("helpfulness-4", "Helpfulness-4", "Four facets of a helpful answer.",
                List.of(INFORMATIVENESS, RELEVANCE, CLARITY, COMPLETENESS), HH_QUERIES);
        add("harmlessness-4", "Harmlessness-4", "Four facets of a harmless answer.",
                List.of(NON_TOXICITY, FAIRNESS, PRIVACY, LAWFULNESS), HH_QUERIES);
        add("hh-balance-8", "HH-Balance-8", "Helpfulness and harmlessness together: the union of the two sets above.",
                List.of(INFORMATIVENESS, RELEVANCE, CLARITY, COMPLETENESS, NON_TOXICITY, FAIRNESS, PRIVACY, LAWFULNESS),
                HH_QUERIES);
        add("confucianism-4", "Confucianism-4", "Schwartz values close to a Confucian outlook.",
                List.of(TRADITION, CONFORMITY, BENEVOLENCE, SECURITY), SCHWARTZ_QUERIES);
        add("modern-liberalism-4", "Modern-Liberalism-4", "Schwartz values close to a modern liberal outlook.",
                List.of(SELF_DIRECTION, UNIVERSALISM, STIMULATION, HEDONISM), SCHWARTZ_QUERIES);
        add("schwartz-10", "Schwartz-10", "All ten of Schwartz's basic human values.",
                List.of(SELF_DIRECTION, STIMULATION, HEDONISM, ACHIEVEMENT, POWER, SECURITY, CONFORMITY, TRADITION,
                        BENEVOLENCE, UNIVERSALISM),
                SCHWARTZ_QUERIES);
    }

    private BuiltInCompositions() {
    }

    private static void add(String id, String title, String description, List<Value> values, String querySet) {
        ALL.put(id, new Composition(id, title, description, values, querySet, tensionsAmong(values)));
    }

    public static List<Composition> all() {
        return List.copyOf(ALL.values());
    }

    public static Optional<Composition> find(String id) {
        return Optional.ofNullable(id == null ? null : ALL.get(id));
    }

    /** Known tensions among arbitrary values, by id (custom compositions reuse the built-in ids' tensions). */
    public static List<Tension> tensionsAmong(List<Value> values) {
        return Stream.concat(SCHWARTZ_TENSIONS.stream(), HH_TENSIONS.stream())
                .filter(t -> values.stream().anyMatch(v -> v.id().equals(t.a()))
                        && values.stream().anyMatch(v -> v.id().equals(t.b())))
                .toList();
    }
}
