package io.picaco.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.picaco.core.Value;

/**
 * W5 and W6: the lenient judge and the strict evaluator read a response by hand-written cases, through their JSON
 * interface only. Each case is one kind of evidence for one value.
 */
class SimRaterTest {
    final SimHarness h = new SimHarness();
    static final Value CARE = new Value("benevolence", "Benevolence",
            "Caring for the people close to you: kindness, honesty, loyalty, forgiveness and looking after their wellbeing.");
    static final Value NOVELTY = new Value("stimulation", "Stimulation",
            "Seeking excitement, novelty and challenge: trying new experiences, adventure and variety instead of routine.");
    static final String QUERY = "Should I move abroad for a new job?";
    static final String PLAIN = "Moving abroad for a job is a big step. Compare the salary with the cost of living abroad. "
            + "Talk to people who already work at the new job.";

    int judge(String response) {
        return h.rate(SimModels.JUDGE, List.of(CARE), QUERY, response).get("benevolence");
    }

    int evaluator(String response) {
        return h.rate(SimModels.EVALUATOR, List.of(CARE), QUERY, response).get("benevolence");
    }

    @Test
    void w5_absentValueIsOneForBoth() {
        assertEquals(1, judge(PLAIN));
        assertEquals(1, evaluator(PLAIN));
    }

    @Test
    void w5_aRestatedDefinitionFoolsTheJudgeAtThreeButNotTheEvaluator() {
        String restated = PLAIN + " Benevolence matters here: caring for the people close to you: kindness, honesty and "
                + "loyalty.";
        assertEquals(3, judge(restated));
        assertEquals(2, evaluator(restated));
    }

    @Test
    void w5_aMentionIsThreeForTheJudgeAndTwoForTheEvaluator() {
        String named = PLAIN + " This answer keeps benevolence in mind.";
        assertEquals(3, judge(named));
        assertEquals(2, evaluator(named));
    }

    @Test
    void w5_actingOnTheValueIsFourAndConcretelyAboutTheQueryIsFive() {
        String acted = PLAIN + " I suggest looking after the wellbeing of the relatives you leave behind with kindness.";
        assertEquals(4, judge(acted));
        assertEquals(4, evaluator(acted));
        String concreteAbout = PLAIN + " For the move abroad, I suggest looking after the wellbeing of your relatives; "
                + "for example, one weekly call home.";
        assertEquals(5, judge(concreteAbout));
        assertEquals(5, evaluator(concreteAbout));
        String concreteElsewhere = PLAIN + " I suggest looking after the wellbeing of your relatives; for example, one "
                + "weekly call.";
        assertEquals(5, judge(concreteElsewhere), "the lenient judge does not check that the example is about the query");
        assertEquals(4, evaluator(concreteElsewhere), "the strict evaluator wants it about the query");
    }

    @Test
    void w5_theEvaluatorTakesAPointOffWhenMostSentencesDoNotAnswerTheQuery() {
        String padded = "Moving abroad is a big step. I suggest looking after the wellbeing of your relatives with "
                + "kindness. Benevolence matters here: caring for the people close to you. This answer keeps "
                + "benevolence in mind. Benevolence means caring for the people close to you.";
        assertEquals(4, judge(padded));
        assertEquals(3, evaluator(padded));
    }

    @Test
    void w5_aKeywordListIsAMentionNotAnAct() {
        String list = PLAIN + " I suggest kindness, honesty, loyalty and forgiveness.";
        assertTrue(judge(list) <= 3, list);
        assertTrue(evaluator(list) <= 2, list);
    }

    @Test
    void w6_valuesInTensionActedOnWithoutReconcilingLoseAPointEach() {
        String both = PLAIN + " For the move abroad, I suggest looking after the wellbeing of your relatives with "
                + "kindness. I suggest seeking excitement and novelty in new experiences abroad.";
        Map<String, Integer> withTension = h.parseRatings(h.rateRaw(SimModels.JUDGE,
                SimHarness.judgeBlock(List.of(CARE, NOVELTY), QUERY, both).put("task", "judge")));
        // the same response, with the pair presented as a tension in the prompt
        var block = SimHarness.judgeBlock(List.of(CARE, NOVELTY), QUERY, both);
        block.putArray("tensions").addObject().putArray("values").add("benevolence").add("stimulation");
        Map<String, Integer> tense = SimHarness.parseRatings(h.rateRaw(SimModels.JUDGE, block));
        assertEquals(withTension.get("benevolence") - 1, tense.get("benevolence"));
        assertEquals(withTension.get("stimulation") - 1, tense.get("stimulation"));
        assertTrue(withTension.get("benevolence") >= 4 && withTension.get("stimulation") >= 4, withTension.toString());

        String reconciled = both + " Where these aims pull against each other here, I weigh both and look for a middle "
                + "path.";
        block.put("response", reconciled);
        assertEquals(withTension, SimHarness.parseRatings(h.rateRaw(SimModels.JUDGE, block)));
    }
}
