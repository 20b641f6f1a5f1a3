package io.picaco.sim.optimizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The simulated optimizer ({@code sim-optimizer}): reads the values, the earlier instructions with whatever
 * ratings and notes its prompt shows, and writes new instructions by two to four generic, seeded edits of the
 * best one. A weak, noisy writer: it does not know what the raters reward, and many of its candidates are worse
 * than their parent.
 */
public final class SimOptimizer {

    /** New instructions for the task block of a proposing prompt. */
    public List<String> propose(JsonNode block, String prompt, Random rnd) {
        Brief brief = new Brief(block, prompt);
        if (brief.values.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>(brief.instructions);
        List<String> out = new ArrayList<>();
        for (int c = 0; c < brief.count; c++) {
            String candidate = null;
            for (int attempt = 0; attempt < 6 && (candidate == null || seen.contains(candidate)); attempt++) {
                candidate = candidate(brief, rnd);
            }
            seen.add(candidate);
            out.add(candidate);
        }
        return out;
    }

    private static String candidate(Brief brief, Random rnd) {
        List<String> s = Prose.sentences(brief.parent(rnd));
        int edits = 2 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            s = Edits.apply(Edits.pick(rnd), s, brief, rnd);
        }
        if (brief.coverAll) {
            // the prompt asks to cover every value: a writer checks its draft and adds what it left out
            s = Edits.coverMissing(s, brief, rnd);
        }
        while (String.join(" ", s).length() > brief.maxLength && s.size() > 1) {
            int longest = 0;
            for (int i = 1; i < s.size(); i++) {
                if (s.get(i).length() > s.get(longest).length()) {
                    longest = i;
                }
            }
            s.remove(longest);
        }
        String text = String.join(" ", s);
        return text.length() > brief.maxLength ? text.substring(0, brief.maxLength) : text;
    }
}
