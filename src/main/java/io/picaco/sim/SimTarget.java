package io.picaco.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated target model ({@code sim-target}). It reads the system message as a list of
 * directives, follows only the most salient few (the Instruction Bottleneck), parrots declarative
 * directives verbatim and enacts imperative ones with a concrete sentence about the query's topic.
 * Everything else it writes is a plain answer that uses no value words.
 */
public final class SimTarget {

    public enum Kind {
        /** A quoted or descriptive line ("- Name: definition"): followed by repeating it. */
        DECLARATIVE,
        /** An instruction to do something concrete: followed by doing it. */
        IMPERATIVE
    }

    /** One directive of the system message with its salience (without random jitter). */
    public record Directive(String text, Kind kind, boolean concrete, boolean emphasised, int words, double salience) {
    }

    /** How the target reads a system message. {@code budget} is the attention budget before jitter. */
    public record Analysis(List<Directive> directives, boolean balanceClause, boolean conflictClause, boolean concise,
            int budget) {
    }

    public static final int BASE_BUDGET = 2;
    /** Directives averaging at most this many words (and mostly imperative) raise the budget by one. */
    public static final int CONCISE_WORDS = 22;
    public static final int MAX_WORDS = 200;
    static final double BUDGET_JITTER_PROBABILITY = 0.15;

    static final Set<String> VERBS = Set.of("give", "offer", "suggest", "mention", "include", "ask", "explain", "point",
            "name", "list", "add", "show", "describe", "provide", "recommend", "note", "use", "keep", "stay", "avoid",
            "check", "respect", "protect", "treat", "cite", "refer", "tell", "encourage", "invite", "acknowledge",
            "consider", "be", "make", "start", "end", "help", "share", "highlight", "propose", "remind", "flag", "warn",
            "state", "cover", "spell", "walk", "lay", "frame", "connect", "relate", "link", "honour", "honor", "value",
            "support", "celebrate", "emphasise", "emphasize", "focus", "never", "do", "don't", "write",
            "answer", "respond", "speak", "put", "let", "try", "stick", "lead", "close", "open", "finish", "begin");

    private static final Pattern NAME_DEF = Pattern.compile(
            "^(?:[-*•]\\s*|\\d+[.)]\\s*)?([\\p{L}][\\p{L}\\p{N} '/&-]{0,40}):\\s+(\\S.*)$");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•]\\s*|\\d+[.)]\\s*)");
    private static final Pattern LEAD_EMPHASIS = Pattern.compile(
            "^(?i:(?:important|note|crucial|critical)\\s*[:!-]\\s*|always\\s+|please\\s+|you\\s+(?:must|should)\\s+(?:always\\s+)?|must\\s+|make\\s+sure\\s+(?:to|that\\s+you)\\s+)+");
    private static final Pattern EMPHASIS = Pattern.compile(
            "(?i:\\b(must|always|important|crucial|critical|essential|never)\\b)|!|\\b[A-Z]{3,}\\b");
    private static final Pattern CONCRETE = Pattern.compile(
            "(?i)\\b(for example|for instance|e\\.g\\.|such as|specific|concrete|step|steps|tip|tips|practical|one|two|three)\\b|\\d");
    private static final Pattern BALANCE = Pattern.compile(
            "(?i)\\b(balance|balancing|integrate|integrating|together|at once|simultaneously|all of these|every one of)\\b");
    private static final Pattern CONFLICT = Pattern.compile(
            "(?i)\\b(conflict|conflicts|conflicting|clash|clashes|tension|tensions|trade-?offs?|pull in different directions)\\b");
    private static final Pattern AVOIDANCE = Pattern.compile("(?i)\\b(steer clear|avoid|never|do not|don't|without)\\b");
    private static final Pattern PREAMBLE = Pattern.compile("(?i)^(you are|you're|as an? )");

    static final String RECONCILE_SENTENCE =
            "Where these aims pull in different directions, I weigh both sides openly and look for a middle path.";

    static final List<String> PLAIN_SENTENCES = List.of(
            "The first move is to pin down what you want from it and what cannot change.",
            "Then list the options, compare what each one costs in time and effort, and pick the one that fits.",
            "Try the simplest version first and see how it goes.",
            "After a week or two, check the outcome and adjust.",
            "Write down the main points so you can come back to them later.",
            "If something is unclear, a quick search or a chat with someone who has done it can settle it.",
            "A small start usually beats a long plan.",
            "Do not rush; one decent attempt now is worth more than a perfect one never tried.");

    static final List<String> OPENERS = List.of("Here is a direct take on %s.", "On %s: here is how I would go about it.",
            "Short version on %s.", "About %s, a direct answer.");

    /** Characters of a system message the simulated target reads: 2.5 times the longest instruction a run makes. */
    static final int MAX_SYSTEM = 20_000;

    /** How the target reads a system message (deterministic, no jitter). */
    public static Analysis analyse(String system) {
        List<String> units = new ArrayList<>();
        if (system != null) {
            // Like a real model's context window: a 1 MB system message costs no more than a long instruction.
            String read = system.length() > MAX_SYSTEM ? system.substring(0, MAX_SYSTEM) : system;
            for (String raw : read.split("\\R")) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (NAME_DEF.matcher(line).matches()) {
                    units.add(line);
                } else {
                    units.addAll(SimText.sentences(line));
                }
            }
        }
        boolean balance = false;
        boolean conflict = false;
        List<String> kept = new ArrayList<>();
        for (String u : units) {
            boolean isBalance = BALANCE.matcher(u).find();
            boolean isConflict = CONFLICT.matcher(u).find();
            if (isBalance || isConflict) {
                balance |= isBalance;
                conflict |= isConflict;
                continue;
            }
            if (PREAMBLE.matcher(u).find() || u.endsWith(":") || SimText.contentWords(core(u)).isEmpty()) {
                continue;
            }
            kept.add(u);
        }
        List<Directive> directives = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            String u = kept.get(i);
            Kind kind = classify(u);
            boolean concrete = CONCRETE.matcher(u).find();
            boolean emphasised = EMPHASIS.matcher(u).find();
            int words = SimText.wordCount(u);
            double s = 1.0 - 0.08 * i;
            if (emphasised) {
                s += 0.5;
            }
            if (kind == Kind.IMPERATIVE) {
                s += 0.8;
                if (concrete) {
                    s += 0.4;
                }
            }
            if (words > 30) {
                s -= 0.6;
            }
            directives.add(new Directive(u, kind, concrete, emphasised, words, s));
        }
        long imperative = directives.stream().filter(d -> d.kind() == Kind.IMPERATIVE).count();
        double avgWords = directives.stream().mapToInt(Directive::words).average().orElse(99);
        boolean concise = !directives.isEmpty() && imperative * 2 >= directives.size() && avgWords <= CONCISE_WORDS;
        int budget = BASE_BUDGET + (balance ? 1 : 0) + (concise ? 1 : 0);
        return new Analysis(List.copyOf(directives), balance, conflict, concise, budget);
    }

    static Kind classify(String unit) {
        if (NAME_DEF.matcher(unit).matches()) {
            return Kind.DECLARATIVE;
        }
        List<String> w = SimText.words(core(unit));
        if (!w.isEmpty() && VERBS.contains(w.get(0))) {
            return Kind.IMPERATIVE;
        }
        return CONCRETE.matcher(unit).find() ? Kind.IMPERATIVE : Kind.DECLARATIVE;
    }

    /** The directive without its bullet and leading emphasis words. */
    static String core(String unit) {
        String s = BULLET.matcher(unit.strip()).replaceFirst("");
        return LEAD_EMPHASIS.matcher(s).replaceFirst("");
    }

    /** Answer {@code query} under system message {@code system} (may be null: the bare model). */
    public String respond(String system, String query, Random rnd) {
        String topic = topic(query);
        Analysis a = analyse(system);
        int budget = a.budget() + (rnd.nextDouble() < BUDGET_JITTER_PROBABILITY ? 1 : 0);
        List<Integer> order = new ArrayList<>();
        double[] jittered = new double[a.directives().size()];
        for (int i = 0; i < jittered.length; i++) {
            jittered[i] = a.directives().get(i).salience() + (rnd.nextDouble() - 0.5) * 0.2;
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -jittered[i]));
        List<Integer> followed = new ArrayList<>(order.subList(0, Math.min(budget, order.size())));
        followed.sort(Comparator.naturalOrder());

        List<String> valueSentences = new ArrayList<>();
        List<String> parrotedNames = new ArrayList<>();
        int enacted = 0;
        for (int i : followed) {
            Directive d = a.directives().get(i);
            if (d.kind() == Kind.DECLARATIVE) {
                valueSentences.add(parrot(d.text()));
                Matcher nm = NAME_DEF.matcher(d.text().strip());
                if (nm.matches()) {
                    parrotedNames.add(nm.group(1).strip());
                }
            } else {
                String s = enact(d, enacted == 0 ? topic : null, rnd);
                if (s != null) {
                    valueSentences.add(s);
                    enacted++;
                }
            }
        }
        if (a.conflictClause() && enacted >= 2) {
            valueSentences.add(RECONCILE_SENTENCE);
        }

        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, OPENERS.get(rnd.nextInt(OPENERS.size())), topic));
        List<String> plain = new ArrayList<>(PLAIN_SENTENCES);
        java.util.Collections.shuffle(plain, rnd);
        // parroting pads the answer: the restated values crowd out substance and close the answer
        int plainCount = parrotedNames.isEmpty() ? 2 + rnd.nextInt(2) : 1;
        out.add(plain.get(0));
        out.addAll(valueSentences);
        if (!parrotedNames.isEmpty()) {
            out.add("Above all, this answer stays true to " + SimText.joinList(parrotedNames, "and") + ".");
        }
        for (int i = 1; i < plainCount; i++) {
            out.add(plain.get(i));
        }
        // keep within MAX_WORDS: drop plain sentences from the end first, then value sentences
        while (SimText.wordCount(String.join(" ", out)) > MAX_WORDS && out.size() > 1) {
            int idx = out.size() - 1;
            for (int j = out.size() - 1; j > 0; j--) {
                if (plain.contains(out.get(j))) {
                    idx = j;
                    break;
                }
            }
            out.remove(idx);
        }
        return String.join(" ", out);
    }

    static String parrot(String directive) {
        String s = BULLET.matcher(directive.strip()).replaceFirst("");
        if (!(s.endsWith(".") || s.endsWith("!") || s.endsWith("?"))) {
            s += ".";
        }
        return "Keeping in mind " + s;
    }

    /**
     * A concrete sentence about the topic that reuses the directive's content words; {@code topic} null
     * means the topic was already named in an earlier sentence.
     */
    static String enact(Directive d, String topic, Random rnd) {
        // a merged directive ("…, and offer …") is enacted part by part, in one sentence
        List<String> phrases = new ArrayList<>();
        List<String> all = new ArrayList<>();
        boolean anyPositive = false;
        for (String part : core(d.text()).split(",\\s+and\\s+(?=\\p{L}+\\s)")) {
            List<String> content = new ArrayList<>();
            for (String w : SimText.contentWords(part)) {
                if (!VERBS.contains(w) && all.size() < 10 && !all.contains(w)) {
                    content.add(w);
                    all.add(w);
                }
            }
            if (content.isEmpty()) {
                continue;
            }
            if (AVOIDANCE.matcher(part).find()) {
                phrases.add("steering clear of " + SimText.joinList(content, "or"));
            } else {
                phrases.add("paying attention to " + SimText.joinList(content, "and"));
                anyPositive = true;
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        String where = topic == null ? (rnd.nextBoolean() ? "Here" : "In this case") : "For " + topic;
        String body = where + ", this means " + String.join(" while ", phrases);
        String c0 = all.get(0);
        String c1 = all.size() > 1 ? all.get(all.size() / 2) : null;
        if (!d.concrete()) {
            return body + ".";
        }
        String pair = c1 == null ? c0 : c0 + (anyPositive ? " and " : " or ") + c1;
        if (!anyPositive) {
            return body + "; for example, watch one specific case where " + pair + " could creep in.";
        }
        return rnd.nextBoolean()
                ? body + "; for example, one specific case where " + pair + " matter."
                : body + ", for example where " + pair + " come into it.";
    }

    private static final Pattern LEADING_QUESTION = Pattern.compile(
            "(?i)^(?:please\\s+|(?:can|could|would|will)\\s+you\\s+(?:please\\s+)?|(?:how|what|why|when|where|which|who|whether)\\s+(?:do|does|can|could|should|would|is|are|to|much|many)?\\s*(?:i|we|you|it|one|there)?\\s*|(?:should|is|are|do|does|can|could|would|will)\\s+(?:i|we|you|it|there|my)\\s+)+");

    /** The query's topic as a phrase (second person, no question mark, at most 12 words). */
    public static String topic(String query) {
        if (query == null || query.isBlank()) {
            return "this";
        }
        String q = query.strip().split("\\R")[0];
        List<String> parts = SimText.sentences(q);
        if (!parts.isEmpty()) {
            q = parts.get(0);
        }
        q = SimText.stripTrailing(q, "?!." + SimText.SPACE);
        q = LEADING_QUESTION.matcher(q).replaceFirst("");
        StringBuilder sb = new StringBuilder();
        String[] toks = q.split("\\s+");
        int n = 0;
        for (String t : toks) {
            if (n++ >= 10) {
                break;
            }
            String low = t.toLowerCase(Locale.ROOT);
            String rep = switch (low) {
                case "i", "me" -> "you";
                case "my" -> "your";
                case "mine" -> "yours";
                case "am" -> "are";
                case "i'm" -> "you're";
                case "myself" -> "yourself";
                default -> t;
            };
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(rep);
        }
        String t = SimText.stripTrailing(sb.toString(), ",;:").strip();
        // do not end on a function word ("… on a")
        while (t.contains(" ")) {
            String last = t.substring(t.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
            if (!SimText.STOPWORDS.contains(last) || last.equals("you") || last.equals("it")) {
                break;
            }
            t = t.substring(0, t.lastIndexOf(' '));
        }
        if (t.isEmpty()) {
            return "this";
        }
        return Character.isUpperCase(t.charAt(0)) && (t.length() < 2 || !Character.isUpperCase(t.charAt(1)))
                ? Character.toLowerCase(t.charAt(0)) + t.substring(1)
                : t;
    }

    static Matcher nameDef(String line) {
        return NAME_DEF.matcher(line);
    }
}
