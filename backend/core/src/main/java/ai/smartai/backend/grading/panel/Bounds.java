package ai.smartai.backend.grading.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import ai.smartai.backend.grading.Aspect;
import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.RubricItem;

/**
 * What the tools verified (the grade's {@code VerifiedFact}s, never the wording of its evidence), as limits on any expert's score: a CAS-verified final answer keeps its result credit, and a
 * program that fails tests cannot keep the functionality credit the tests took away. {@code verifiedLow} names the
 * verified fact behind a low tool score (a failed test run, a final answer the CAS found wrong, a choice that is not
 * the key), or is null: a panel far above such a score must be looked at by the teacher.
 */
record Bounds(double low, double high, List<Message> facts, MessageCode verifiedLow) {

    static Bounds of(GradingInput in, GradeResult tools) {
        double max = in.maxScore();
        double low = 0;
        double high = max;
        List<Message> facts = new ArrayList<>();
        OptionalDouble result = tools.score() == null ? OptionalDouble.empty() : tools.verified(Aspect.RESULT);
        if (tools.method() == GradeMethod.CAS && result.isPresent() && result.getAsDouble() >= 1) {
            double credit = aspect(in.rubric(), Aspect.RESULT);
            low = credit > 0 ? credit : Math.min(max, tools.score());
            facts.add(Message.of(MessageCode.EVD_FACT_CAS_RESULT, PanelPrompts.num(low)));
        }
        OptionalDouble passed = tools.score() == null ? OptionalDouble.empty() : tools.verified(Aspect.FUNCTIONALITY);
        boolean failedTests = tools.method() == GradeMethod.SANDBOX && passed.isPresent() && passed.getAsDouble() < 1;
        if (failedTests) {
            double functionality = aspect(in.rubric(), Aspect.FUNCTIONALITY);
            double lost = max - tools.score();
            high = max - Math.min(functionality > 0 ? functionality : max, lost);
            facts.add(Message.of(MessageCode.EVD_FACT_TESTS_FAILED, PanelPrompts.num(high)));
        }
        MessageCode verifiedLow = null;
        if (failedTests) {
            verifiedLow = MessageCode.PANEL_LOW_TESTS;
        } else if (tools.method() == GradeMethod.CAS && result.isPresent() && result.getAsDouble() <= 0) {
            verifiedLow = MessageCode.PANEL_LOW_CAS;
        } else if (tools.method() == GradeMethod.CHOICE && tools.score() != null && tools.facts().stream()
                .anyMatch(f -> f.wholeGrade() && f.share() < 1)) {
            verifiedLow = MessageCode.PANEL_LOW_CHOICE;
        }
        return new Bounds(Math.min(low, high), high, facts, verifiedLow);
    }

    double clamp(double score) {
        return Math.max(low, Math.min(high, score));
    }

    private static double aspect(List<RubricItem> rubric, Aspect aspect) {
        return rubric.stream().filter(r -> Aspect.of(r) == aspect).mapToDouble(RubricItem::points).sum();
    }
}
