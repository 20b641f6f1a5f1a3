package io.picaco.sim.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import io.picaco.sim.lang.Text;

/**
 * How the target reads a system message: a list of directives, each with a salience, and an attention budget.
 * Directives compete for the budget (about two): in each sample the target attends to that many, drawn by
 * salience, which falls with position; the whole budget shrinks once the message grows beyond about sixty
 * words, as a real model's adherence falls with prompt length.
 */
public final class Reading {

    /** What a directive asks for. */
    public enum Kind {
        /** Do something: followed by doing it, in a sentence about the query. */
        ACTION,
        /** Honour a list of words: followed by naming them. */
        LIST,
        /** A statement or a quoted definition: followed by restating it. */
        STATEMENT
    }

    /** One part of a directive ("…, and …" splits a directive into parts that are followed one by one). */
    public record Part(String text, Kind kind, boolean concrete) {
    }

    public record Directive(String text, List<Part> parts, double salience, String name) {
    }

    static final double BASE_BUDGET = 2.0;
    static final double INTEGRATION_BONUS = 0.5;
    static final int COMFORTABLE_WORDS = 60;
    static final int MAX_SYSTEM = 20_000;

    static final Pattern NAME_DEF = Pattern.compile(
            "^(?:[-*•]\\s*|\\d+[.)]\\s*)?([\\p{L}][\\p{L}\\p{N} '/&-]{0,40}):\\s+(\\S.*)$");
    private static final Pattern BULLET = Pattern.compile("^(?:[-*•]\\s*|\\d+[.)]\\s*)");
    private static final Pattern LEAD_EMPHASIS = Pattern.compile(
            "^(?i:(?:important|note|crucial|critical)\\s*[:!-]\\s*|always\\s+|please\\s+|you\\s+(?:must|should)\\s+(?:always\\s+)?|must\\s+|make\\s+sure\\s+(?:to|that\\s+you)\\s+)+");
    private static final Pattern EMPHASIS = Pattern.compile(
            "(?i:\\b(must|always|important|crucial|critical|essential|never)\\b)|!|\\b[A-Z]{3,}\\b");
    static final Pattern CONCRETE = Pattern.compile(
            "(?i)\\b(for example|for instance|e\\.g\\.|such as|specific|concrete|practical|one|two|three)\\b|\\d");
    private static final Pattern INTEGRATE = Pattern.compile(
            "(?i)\\b(balance|balancing|integrate|integrating|together|at once|simultaneously|all of these|every one of)\\b");
    private static final Pattern CONFLICT = Pattern.compile(
            "(?i)\\b(conflicts?|conflicting|clash|clashes|tensions?|trade-?offs?|pull (?:in different directions|against))\\b");
    private static final Pattern PREAMBLE = Pattern.compile("(?i)^(you are|you're|as an? )");
    private static final Pattern PART_SPLIT = Pattern.compile(";\\s+|,?\\s+and\\s+(?=(?:also\\s+)?(?:%s)\\b)"
            .formatted(String.join("|", Verbs.ACTION)), Pattern.CASE_INSENSITIVE);

    final List<Directive> directives;
    final boolean integrate;
    final boolean reconcile;
    final int words;

    private Reading(List<Directive> directives, boolean integrate, boolean reconcile, int words) {
        this.directives = directives;
        this.integrate = integrate;
        this.reconcile = reconcile;
        this.words = words;
    }

    /** The attention budget: about two directives, a little more with an integrating sentence, less when long. */
    double budget() {
        double b = BASE_BUDGET + (integrate ? INTEGRATION_BONUS : 0);
        return words <= COMFORTABLE_WORDS ? b : b * Math.pow((double) COMFORTABLE_WORDS / words, 0.5);
    }

    /** A directive that is attended to is still carried out only most of the time, each part on its own. */
    static final double SLIP = 0.15;

    /**
     * The directives attended to in one sample: as many as the budget allows (its fraction decided by chance),
     * drawn without replacement with probability in proportion to salience.
     */
    List<Integer> attended(Random rnd) {
        double b = budget();
        int n = (int) Math.floor(b) + (rnd.nextDouble() < b - Math.floor(b) ? 1 : 0);
        double[] keys = new double[directives.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Math.pow(rnd.nextDouble(), 1.0 / directives.get(i).salience());
            order.add(i);
        }
        order.sort((x, y) -> Double.compare(keys[y], keys[x]));
        List<Integer> chosen = new ArrayList<>(order.subList(0, Math.min(n, order.size())));
        chosen.sort(null);
        return chosen;
    }

    static Reading of(String system) {
        if (system == null || system.isBlank()) {
            return new Reading(List.of(), false, false, 0);
        }
        String read = system.length() > MAX_SYSTEM ? system.substring(0, MAX_SYSTEM) : system;
        List<String> units = new ArrayList<>();
        for (String raw : read.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (nameAndDefinition(line)) {
                units.add(line);
            } else {
                units.addAll(Text.sentences(line));
            }
        }
        boolean integrate = false;
        boolean reconcile = false;
        List<Directive> out = new ArrayList<>();
        for (String u : units) {
            String core = core(u);
            if (PREAMBLE.matcher(u).find() || u.endsWith(":") || Text.contentWords(core).isEmpty()) {
                continue;
            }
            var nameDef = NAME_DEF.matcher(u);
            String name = null;
            List<Part> parts = new ArrayList<>();
            if (nameAndDefinition(u) && nameDef.matches()) {
                name = nameDef.group(1).strip();
                parts.add(new Part(nameDef.group(2).strip(), Kind.STATEMENT, false));
            } else {
                for (String p : PART_SPLIT.split(core)) {
                    // a part that asks to integrate or reconcile the aims is a request about the whole answer
                    boolean isIntegrate = INTEGRATE.matcher(p).find();
                    boolean isConflict = CONFLICT.matcher(p).find();
                    integrate |= isIntegrate;
                    reconcile |= isConflict;
                    if (!isIntegrate && !isConflict && !Text.contentWords(p).isEmpty()) {
                        parts.add(new Part(p.strip(), Verbs.kind(p), CONCRETE.matcher(p).find()));
                    }
                }
            }
            if (parts.isEmpty()) {
                continue;
            }
            int w = Text.wordCount(u);
            double s = 1.0 / (1.0 + 0.12 * out.size());
            if (EMPHASIS.matcher(u).find()) {
                s *= 1.3;
            }
            if (w > 25) {
                s *= 0.8;
            }
            out.add(new Directive(u, List.copyOf(parts), s, name));
        }
        return new Reading(List.copyOf(out), integrate, reconcile, Text.wordCount(read));
    }

    /** A line "Name: definition" (a short name, one sentence or a bullet), read as one unit. */
    static boolean nameAndDefinition(String line) {
        var m = NAME_DEF.matcher(line);
        return m.matches() && Text.wordCount(m.group(1)) <= 4
                && (BULLET.matcher(line).find() || Text.sentences(line).size() == 1);
    }

    /** The directive without its bullet and leading emphasis words. */
    static String core(String unit) {
        String s = BULLET.matcher(unit.strip()).replaceFirst("");
        return LEAD_EMPHASIS.matcher(s).replaceFirst("");
    }
}
