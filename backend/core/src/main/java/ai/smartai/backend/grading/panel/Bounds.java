package ai.smartai.backend.grading.panel;

import java.util.ArrayList;
import java.util.List;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.grading.cas.CasGrader;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.RubricItem;

/**
 * What the tools verified, as limits on any expert's score: a CAS-verified final answer keeps its result credit, and a
 * program that fails tests cannot keep the functionality credit the tests took away. {@code verifiedLow} names the
 * verified fact behind a low tool score (a failed test run, a final answer the CAS found wrong, a choice that is not
 * the key), or is null: a panel far above such a score must be looked at by the teacher.
 */
record Bounds(double low, double high, List<String> facts, String verifiedLow) {

    static Bounds of(GradingInput in, GradeResult tools) {
        double max = in.maxScore();
        double low = 0;
        double high = max;
        List<String> facts = new ArrayList<>();
        if (tools.method() == GradeMethod.CAS && tools.score() != null && cas(tools, CasGrader.RESULT_EQUIVALENT)) {
            double result = aspect(in.rubric(), "result");
            low = result > 0 ? result : Math.min(max, tools.score());
            facts.add("The computer algebra system verified that the final answer equals the reference: award the full "
                    + "result credit (at least " + PanelPrompts.num(low) + " points).");
        }
        boolean failedTests = tools.method() == GradeMethod.SANDBOX && tools.score() != null
                && tools.score() < max - 1e-9;
        if (failedTests) {
            double functionality = aspect(in.rubric(), "functionality");
            double lost = max - tools.score();
            high = max - Math.min(functionality > 0 ? functionality : max, lost);
            facts.add("The program failed some of its test cases in the sandbox: it cannot get full functionality "
                    + "credit (at most " + PanelPrompts.num(high) + " points in total).");
        }
        String verifiedLow = null;
        if (failedTests) {
            verifiedLow = "the program failed test cases in the sandbox";
        } else if (tools.method() == GradeMethod.CAS && tools.score() != null
                && cas(tools, CasGrader.RESULT_DIFFERENT)) {
            verifiedLow = "the computer algebra system found the final answer different from the reference";
        } else if (tools.method() == GradeMethod.CHOICE && tools.score() != null && tools.score() < max - 1e-9) {
            verifiedLow = "the chosen option does not match the key";
        }
        return new Bounds(Math.min(low, high), high, facts, verifiedLow);
    }

    double clamp(double score) {
        return Math.max(low, Math.min(high, score));
    }

    private static boolean cas(GradeResult tools, String verdict) {
        return tools.evidence().stream().anyMatch(e -> e.kind().equals("cas-result") && e.summary().contains(verdict));
    }

    private static double aspect(List<RubricItem> rubric, String aspect) {
        return rubric.stream().filter(r -> aspect.equals(r.aspect())).mapToDouble(RubricItem::points).sum();
    }
}
