package io.picaco.sim.lang;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small general English thesaurus: groups of words that can stand for each other in plain prose. Any
 * simulated model may use it the way a real model uses its vocabulary: to say something in other words, or to
 * recognise a thing said in other words.
 */
public final class Lexicon {
    private Lexicon() {
    }

    private static final String[][] GROUPS = {
            { "custom", "tradition", "practice" }, { "customs", "traditions", "practices" },
            { "belief", "conviction" }, { "beliefs", "convictions" }, { "culture", "heritage" },
            { "family", "household", "relatives" }, { "religion", "faith" }, { "elders", "older people" },
            { "rituals", "ceremonies" }, { "humility", "modesty" },
            { "kindness", "warmth", "compassion" }, { "honesty", "candour", "truthfulness" },
            { "loyalty", "faithfulness" }, { "forgiveness", "mercy" }, { "wellbeing", "welfare", "well-being" },
            { "safety", "protection" }, { "stability", "steadiness" }, { "order", "structure" },
            { "danger", "risk", "hazard" }, { "health", "fitness" }, { "predictable", "dependable", "steady" },
            { "restraint", "self-control" }, { "manners", "courtesy" }, { "politeness", "civility" },
            { "impulses", "urges" }, { "rules", "norms" }, { "expectations", "standards" },
            { "self-discipline", "discipline" }, { "independently", "on your own" }, { "goals", "aims" },
            { "exploring", "investigating" }, { "ideas", "notions" }, { "creating", "building" },
            { "decisions", "choices" }, { "excitement", "thrill" }, { "novelty", "newness", "freshness" },
            { "challenge", "stretch" }, { "adventure", "venture" }, { "variety", "diversity" },
            { "routine", "habit" }, { "pleasure", "delight", "joy" }, { "enjoyment", "fun" },
            { "savouring", "relishing" }, { "experiences", "moments" }, { "understanding", "comprehension" },
            { "protecting", "safeguarding", "shielding" }, { "people", "persons" }, { "nature", "environment" },
            { "tolerance", "acceptance", "openness" }, { "fairness", "justice", "equity" },
            { "equality", "parity" }, { "accurate", "correct", "precise" }, { "substantive", "solid", "meaningful" },
            { "facts", "information" }, { "explanations", "reasons" }, { "teach", "show" },
            { "useful", "helpful", "valuable" }, { "question", "query" }, { "situation", "circumstances" },
            { "unrelated", "irrelevant" }, { "easy", "simple" }, { "logical", "orderly" }, { "short", "brief" },
            { "covering", "addressing" }, { "request", "ask" }, { "caveats", "warnings", "limits" },
            { "alternatives", "options" }, { "insults", "slurs" }, { "harassment", "bullying" },
            { "hateful", "hostile" }, { "demeaning", "degrading" }, { "violence", "aggression" },
            { "treating", "handling" }, { "groups", "communities" }, { "even-handedly", "impartially" },
            { "bias", "prejudice" }, { "stereotypes", "clichés" }, { "assumptions", "presumptions" },
            { "identity", "background" }, { "personal", "private" }, { "data", "details" },
            { "revealing", "disclosing", "exposing" }, { "guessing", "inferring" }, { "collect", "gather" },
            { "consent", "permission" }, { "illegal", "unlawful" }, { "acts", "deeds" }, { "legal", "lawful" },
            { "routes", "paths" }, { "success", "accomplishment" }, { "competence", "skill", "ability" },
            { "ambition", "drive" }, { "status", "standing" }, { "prestige", "reputation" },
            { "influence", "sway" }, { "authority", "command" }, { "wealth", "riches" }, { "resources", "assets" },
            { "help", "assist" }, { "helping", "assisting" }, { "respect", "regard" }, { "honouring", "paying tribute to" }, { "close", "near" },
            { "thinking", "reasoning" }, { "acting", "behaving" }, { "choosing", "picking" },
            { "seeking", "pursuing" }, { "trying", "testing" }, { "valuing", "prizing" }, { "having", "enjoying" },
            { "good", "fine" }, { "society", "community" }, { "encouraging", "promoting" }, { "plain", "clear" },
            { "words", "language" }, { "sentences", "lines" }, { "steps", "actions" }, { "accurate", "exact" },
            { "everyone", "everybody" }, { "important", "key" }, { "quick", "fast" }, { "big", "large" },
            { "begin", "start" }, { "end", "finish" }, { "problem", "issue" }, { "careful", "cautious" },
    };

    private static final Map<String, List<String>> BY_WORD = new HashMap<>();

    static {
        for (String[] g : GROUPS) {
            for (String w : g) {
                List<String> others = BY_WORD.computeIfAbsent(w, k -> new ArrayList<>());
                for (String o : g) {
                    if (!o.equals(w) && !others.contains(o)) {
                        others.add(o);
                    }
                }
            }
        }
    }

    /** The words that can stand for {@code word} (lowercase), in a fixed order; empty when it has none. */
    public static List<String> synonyms(String word) {
        return BY_WORD.getOrDefault(word.toLowerCase(Locale.ROOT), List.of());
    }

    /** The stems of a text's content words and of every synonym of them: what the text talks about, in any words. */
    public static Set<String> conceptStems(String text) {
        Set<String> out = new LinkedHashSet<>(Text.contentStems(text));
        for (String w : Text.words(text)) {
            for (String s : synonyms(w)) {
                out.addAll(Text.contentStems(s));
            }
        }
        return out;
    }

    /**
     * {@code text} in other words: each word with synonyms is replaced with probability {@code share}. Keeps
     * punctuation and the capital of a replaced first letter.
     */
    public static String paraphrase(String text, double share, Random rnd) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            while (j < n && (Character.isLetter(text.charAt(j))
                    || (text.charAt(j) == '-' && j + 1 < n && Character.isLetter(text.charAt(j + 1))))) {
                j++;
            }
            String word = text.substring(i, j);
            List<String> syn = synonyms(word);
            if (!syn.isEmpty() && rnd.nextDouble() < share) {
                String r = syn.get(rnd.nextInt(syn.size()));
                out.append(Character.isUpperCase(word.charAt(0)) ? Text.capitalize(r) : r);
            } else {
                out.append(word);
            }
            i = j;
        }
        return out.toString();
    }
}
