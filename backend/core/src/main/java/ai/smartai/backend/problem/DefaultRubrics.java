package ai.smartai.backend.problem;

import java.util.ArrayList;
import java.util.List;

import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;

/**
 * The rubric a problem gets when neither the problem set nor the key writes one: shares of the maximum per aspect,
 * in the problem's language. The aspects tell each grader which part of the score it may decide (docs/grading.md).
 */
public final class DefaultRubrics {

    private DefaultRubrics() {
    }

    public static List<RubricItem> forType(ProblemType type, double maxScore, String language) {
        boolean zh = "zh".equals(language);
        return switch (type) {
            case CHOICE -> items(maxScore, zh, new Part(1.0, "result", "选择正确选项", "correct option(s)"));
            case CALCULATION -> items(maxScore, zh,
                    new Part(0.4, "method", "方法正确", "correct method"),
                    new Part(0.3, "derivation", "推导过程正确", "correct derivation"),
                    new Part(0.3, "result", "最终结果正确", "correct final result"));
            case PROGRAMMING -> items(maxScore, zh,
                    new Part(0.7, "functionality", "通过测试用例", "passes the test cases"),
                    new Part(0.1, "edge-cases", "边界情况处理正确", "handles edge cases"),
                    new Part(0.1, "complexity", "时间复杂度符合要求", "meets the complexity requirement"),
                    new Part(0.1, "style", "代码清晰", "clear code"));
            case PROOF -> items(maxScore, zh,
                    new Part(0.7, "claim", "关键步骤完整", "key steps present"),
                    new Part(0.2, "derivation", "推理严谨", "rigorous reasoning"),
                    new Part(0.1, "result", "结论明确", "clear conclusion"));
            case REASONING -> items(maxScore, zh,
                    new Part(0.4, "method", "思路正确", "correct approach"),
                    new Part(0.3, "derivation", "推导过程正确", "correct derivation"),
                    new Part(0.3, "result", "结论正确", "correct conclusion"));
            case CONCEPT -> items(maxScore, zh,
                    new Part(0.7, "claim", "要点正确", "key points covered"),
                    new Part(0.3, "other", "表述完整清晰", "complete and clear"));
            case OTHER -> items(maxScore, zh, new Part(1.0, "other", "答案正确完整", "correct and complete answer"));
        };
    }

    private record Part(double share, String aspect, String zh, String en) {
    }

    /** Shares rounded to half points; the last part takes the remainder so the total is exact. */
    private static List<RubricItem> items(double maxScore, boolean zh, Part... parts) {
        List<RubricItem> out = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < parts.length; i++) {
            double points = i == parts.length - 1 ? maxScore - used : Math.round(parts[i].share() * maxScore * 2) / 2.0;
            used += points;
            out.add(new RubricItem(zh ? parts[i].zh() : parts[i].en(), points, parts[i].aspect()));
        }
        return out;
    }
}
