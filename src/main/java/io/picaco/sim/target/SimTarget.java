package io.picaco.sim.target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import io.picaco.sim.lang.Message;
import io.picaco.sim.lang.Text;

/**
 * The simulated target model ({@code sim-target}). It answers the user's query plainly; of the directives in its
 * system message it follows each with a probability set by its salience and the attention budget (the
 * Instruction Bottleneck). A followed action becomes a sentence about the query's topic; a followed list of words
 * is named; a followed statement is restated, and a followed quoted definition restated and glossed, which pads
 * the answer.
 */
public final class SimTarget {

    static final int MAX_WORDS = 220;

    static final List<String> OPENERS = List.of("Here is a direct take on %s.", "On %s: here is how I would go about it.",
            "Short version on %s.", "About %s, a direct answer.");

    static final List<String> PLAIN = List.of(
            "The first move with %s is to pin down what you want from it and what cannot change.",
            "Then list what you could do about %s, compare the cost of each in time and effort, and pick one.",
            "Try the simplest version of %s first and see how it goes.",
            "After a week or two, look back at how %s went and adjust.",
            "Write down the main points about %s so you can come back to them later.",
            "If something about %s is unclear, a quick search or a chat with someone who has done it can settle it.",
            "With %s, a small start usually beats a long plan.");

    static final List<String> FRAMES = List.of("I suggest %s", "I recommend %s", "my advice is %s");

    static final List<String> SPECIFICS = List.of("for example, one small step with %s that you can take this week",
            "for example, a ten-minute check on %s before you decide",
            "for example, asking one person who has dealt with %s before");

    static final String RECONCILE =
            "Where these aims pull against each other here, I weigh both sides openly and look for a middle path.";

    private static final Pattern CONCRETE_WRAPPER = Pattern.compile(
            "(?i)^(?:(?:one|a|an|two|three)\\s+)?(?:concrete|specific|practical|clear|real)?\\s*(?:,\\s*(?:concrete|specific|practical)\\s*)?"
                    + "(?:examples?|steps?|ways?|tips?|cases?)\\s+(?:of|that\\s+(?:reflects?|shows?|supports?)|to|for)\\s+");

    /** Answers the last user message under the system messages (none: the bare model). */
    public String complete(List<Message> messages, Random rnd) {
        StringBuilder system = new StringBuilder();
        String query = "";
        for (Message m : messages) {
            if ("system".equals(m.role()) || "developer".equals(m.role())) {
                system.append(system.isEmpty() ? "" : "\n").append(m.content());
            } else if ("user".equals(m.role())) {
                query = m.content();
            }
        }
        return respond(system.isEmpty() ? null : system.toString(), query, rnd);
    }

    public String respond(String system, String query, Random rnd) {
        String topic = Topic.phrase(query);
        String handle = Topic.handle(query);
        Reading reading = Reading.of(system);

        List<String> valueSentences = new ArrayList<>();
        List<String> restatedNames = new ArrayList<>();
        int acted = 0;
        for (int i : reading.attended(rnd)) {
            Reading.Directive d = reading.directives.get(i);
            double p = (1 - Reading.SLIP) * Math.pow(0.9, d.parts().size() - 1);
            for (Reading.Part part : d.parts()) {
                if (rnd.nextDouble() >= p) {
                    continue;
                }
                switch (part.kind()) {
                    case ACTION -> {
                        valueSentences.add(act(part, acted == 0 ? "For " + topic : "With " + handle, handle, rnd));
                        acted++;
                    }
                    case LIST -> valueSentences.add(name(part));
                    default -> {
                        valueSentences.add(restate(d, part));
                        if (d.name() != null) {
                            restatedNames.add(d.name());
                        }
                    }
                }
            }
        }
        if (reading.reconcile && acted >= 2) {
            valueSentences.add(RECONCILE);
        }
        List<String> plain = new ArrayList<>(PLAIN);
        Collections.shuffle(plain, rnd);
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, OPENERS.get(rnd.nextInt(OPENERS.size())), topic));
        out.add(String.format(Locale.ROOT, plain.get(0), handle));
        out.addAll(valueSentences);
        if (restatedNames.size() >= 2) {
            out.add("Above all, this answer stays true to " + Text.joinList(restatedNames, "and") + ".");
        }
        out.add(String.format(Locale.ROOT, plain.get(1), handle));
        while (Text.wordCount(String.join(" ", out)) > MAX_WORDS && out.size() > 2) {
            out.remove(out.size() - 2);
        }
        return String.join(" ", out);
    }

    /** A followed action: done, in a sentence about the query, with a specific when the directive asked for one. */
    static String act(Reading.Part part, String lead, String handle, Random rnd) {
        String text = Text.stripTrailing(part.text(), ".!;:, ");
        var avoid = Verbs.AVOID.matcher(text);
        String body;
        if (avoid.find()) {
            String rest = secondPerson(text.substring(avoid.end()));
            body = avoid.group(1).equalsIgnoreCase("avoid") ? "I avoid " + rest : "I take care not to " + rest;
        } else {
            String object = text.replaceFirst("^(?i)(?:and\\s+)?(?:also\\s+)?\\S+\\s+(?:out\\s+|up\\s+|to\\s+)?", "");
            object = CONCRETE_WRAPPER.matcher(object).replaceFirst("");
            body = String.format(Locale.ROOT, FRAMES.get(rnd.nextInt(FRAMES.size())), secondPerson(object));
        }
        String sentence = lead + ", " + body;
        if (part.concrete()) {
            sentence += "; " + String.format(Locale.ROOT, SPECIFICS.get(rnd.nextInt(SPECIFICS.size())), handle);
        }
        return sentence + ".";
    }

    /** A followed list of words: named, not acted on. */
    static String name(Reading.Part part) {
        List<String> words = Text.contentWords(part.text());
        words.removeAll(Verbs.ACTION);
        words.removeAll(Verbs.GENERIC);
        List<String> shown = words.subList(0, Math.min(5, words.size()));
        return "This answer keeps " + (shown.isEmpty() ? "that" : Text.joinList(shown, "and")) + " in mind.";
    }

    /**
     * A followed statement: restated as it stands. A followed quoted definition ("Name: definition") is parroted more
     * fully: restated, then glossed in its own words ("In short, tradition means honouring elders, …"), which pads
     * the answer with the value's wording instead of the query's.
     */
    static String restate(Reading.Directive d, Reading.Part part) {
        String s = Text.stripTrailing(part.text(), ".!;:, ");
        if (d.name() != null) {
            int colon = s.indexOf(':');
            String gist = colon > 0 && colon < s.length() - 1 ? s.substring(colon + 1).strip() : s; // its list, if any
            String gloss = gist.length() > 1 && !Character.isUpperCase(gist.charAt(1))
                    ? Character.toLowerCase(gist.charAt(0)) + gist.substring(1) : gist;
            return d.name() + " matters here: " + s + ". In short, " + d.name().toLowerCase(Locale.ROOT) + " means "
                    + gloss + ".";
        }
        return "As a rule, " + (s.length() > 1 && !Character.isUpperCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s) + ".";
    }

    static String secondPerson(String s) {
        return s.replaceAll("(?i)\\bthe user's\\b", "your").replaceAll("(?i)\\bthe user\\b", "you")
                .replaceAll("(?i)\\bthe people asking\\b", "you").replaceAll("\\btheir\\b", "your")
                .replaceAll("\\bthey\\b", "you").replaceAll("\\bthem\\b", "you");
    }
}
