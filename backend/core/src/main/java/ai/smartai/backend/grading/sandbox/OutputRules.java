package ai.smartai.backend.grading.sandbox;

import java.util.List;

import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;

/**
 * How the key compares a program's output or value, from its typed policies: as printed, line by line
 * ({@code exact}), or by tokens; in order or not; and what prompt text before the output costs.
 *
 * @param exact the key asks for the output as printed ({@link PolicyKind#EXACT_OUTPUT})
 * @param prompts what a test that passes only without its prompt text gets
 * @param deduction with {@link Prompts#DEDUCT}: the points taken once from the problem
 * @param anyOrder the key accepts a result's items, or the output's lines, in any order
 */
record OutputRules(boolean exact, Prompts prompts, double deduction, boolean anyOrder) {

    enum Prompts {
        /** The key does not say: such tests count as passed and the teacher applies their rule. */
        UNSTATED,
        /** The key makes the test fail. */
        FAIL,
        /** The key compares the rest of the output and takes {@code deduction} points once. */
        DEDUCT
    }

    static OutputRules of(List<KeyPolicy> policies) {
        boolean exact = policies.stream().anyMatch(p -> p.kind() == PolicyKind.EXACT_OUTPUT);
        Prompts prompts = Prompts.UNSTATED;
        double deduction = 0;
        for (KeyPolicy p : policies) {
            if (p.kind() == PolicyKind.PROMPT_TEXT) {
                prompts = p.amount() == null ? Prompts.FAIL : Prompts.DEDUCT;
                deduction = p.amount() == null ? 0 : p.amount();
            }
        }
        boolean anyOrder = policies.stream().anyMatch(p -> p.kind() == PolicyKind.ANY_ORDER);
        return new OutputRules(exact, prompts, deduction, anyOrder);
    }
}
