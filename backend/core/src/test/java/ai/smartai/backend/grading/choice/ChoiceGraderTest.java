package ai.smartai.backend.grading.choice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.Inputs;
import ai.smartai.model.problem.ProblemType;

class ChoiceGraderTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                // answer, key, score of 8, sent to review
                Arguments.of("B", List.of("B"), 8.0, false),
                Arguments.of("答案：ABD", List.of("A", "B", "D"), 8.0, false),
                // The letters heading the discussion below the answer line are not the choice.
                Arguments.of("答案：ABD\n\nA：互不相容 ⇒ P(AB)=0，所以不独立，A 正确。\nC：一般情况下不成立，C 错。",
                        List.of("A", "B", "D"), 8.0, false),
                Arguments.of("A, B, D", List.of("A", "B", "D"), 8.0, false),
                Arguments.of("AB", List.of("A", "B", "D"), 4.0, false),
                Arguments.of("A B C", List.of("A", "B", "D"), 0.0, false),
                // Letters after an answer phrase, with emphasis or a full stop, are the choice.
                Arguments.of("I think it is B because the variance grows", List.of("B"), 8.0, false),
                Arguments.of("选 ABD。\nC 不对，要减去 P(AB)。", List.of("A", "B", "D"), 8.0, false),
                Arguments.of("**ABD**\n- A: not independent ✔\n- C: ✘ only for exclusive events",
                        List.of("A", "B", "D"),
                        8.0, false),
                Arguments.of("Answer: B (Var = np(1−p) = 2.1)", List.of("B"), 8.0, false),
                // Each letter followed by its option's words, listed with "and": all of them are the choice.
                Arguments.of("Answer: (A) insertion sort and (B) merge sort", List.of("A", "B"), 8.0, false),
                // A bracketed letter discussed after the choice is no part of it, but the teacher confirms.
                Arguments.of("Answer: (A) insertion sort, unlike (C) heapsort", List.of("A", "B"), 4.0, true),
                Arguments.of("I pick (B) because the heap costs O(log V). (A) is wrong since it fails on negative "
                        + "edges.", List.of("B"), 8.0, true),
                // A letter with its reason in brackets, full-width or not.
                Arguments.of("B（二叉堆：O((V+E) log V)）", List.of("B"), 8.0, false),
                Arguments.of("B    （Bellman-Ford 是 O(VE)，所以 C 不对）", List.of("B"), 8.0, false),
                Arguments.of("B (binary heap)", List.of("B"), 8.0, false),
                // Options set in small letters are answered in small letters.
                Arguments.of("b (ARP)", List.of("B"), 8.0, false),
                Arguments.of("Var(X) = np(1-p) = 2.1, so the answer is **(B)**", List.of("B"), 8.0, false),
                Arguments.of("方差为 np(1-p)，故选 C。", List.of("B"), 0.0, false),
                Arguments.of("我不选 C，选 B", List.of("B"), 8.0, false),
                // A letter heading the first line of a single-answer problem, with its reason after it.
                Arguments.of("(B) O(n) — the loops run one after the other", List.of("B"), 8.0, false),
                Arguments.of("C — one loop is n and the other is log n", List.of("B"), 0.0, false),
                Arguments.of("**B**. For a binomial, Var(X) = np(1−p)", List.of("B"), 8.0, false),
                // Letters picked out of a sentence, or heading a walk through the options, go to the teacher.
                Arguments.of("A binomial has variance np(1-p), which is 2.1 here", List.of("B"), 0.0, true),
                Arguments.of("B. grows with n\nC. is wrong because p < 1", List.of("B"), 8.0, true),
                Arguments.of("Options B and C both look plausible to me", List.of("B"), 0.0, true),
                Arguments.of("A：互不相容，所以不独立。", List.of("A", "B", "D"), 4.0, true));
    }

    @ParameterizedTest
    @MethodSource("headed")
    void aHeadingLetterWhoseTextIsAnotherOptionsGoesToReview(String answer, boolean review) {
        String stem = "Which value does the loop print?\n\nA. 7　　B. 6　　C. 8　　D. 7.0";
        GradeResult r = new ChoiceGrader()
                .grade(Inputs.of(ProblemType.CHOICE, stem, null, answer, 5, List.of("B"), List.of()));
        assertThat(!r.reviewReasons().isEmpty()).as(answer).isEqualTo(review);
    }

    static Stream<Arguments> headed() {
        return Stream.of(Arguments.of("B. 7", true), Arguments.of("B. 6", false),
                Arguments.of("B. 6, because i stops at 6", false),
                Arguments.of("(B) because the loop ends early", false),
                Arguments.of("B. 7.0", true));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void readsTheChosenLettersAndSendsWhatItOnlyGuessedToReview(String answer, List<String> key, double score,
            boolean review) {
        GradeResult r = new ChoiceGrader()
                .grade(Inputs.of(ProblemType.CHOICE, "Which hold?", null, answer, 8, key, List.of()));
        assertThat(r.score()).as(answer).isEqualTo(score);
        assertThat(!r.reviewReasons().isEmpty()).as(answer).isEqualTo(review);
    }

    /** A key that states what a subset earns, or what each wrong or missing letter costs, is applied as stated. */
    @org.junit.jupiter.api.Test
    void aKeysOwnMultiAnswerRuleIsApplied() {
        var subset = List.of(new ai.smartai.model.problem.KeyPolicy(ai.smartai.model.problem.PolicyKind.CHOICE_SUBSET,
                "少选得2分，错选0分", 2.0, List.of()));
        var perOption = List.of(new ai.smartai.model.problem.KeyPolicy(
                ai.smartai.model.problem.PolicyKind.CHOICE_PER_OPTION, "each wrong or missing option −2, minimum 0",
                2.0,
                List.of()));
        assertThat(grade("A", List.of("A", "C"), 5, subset).score()).isEqualTo(2.0);
        assertThat(grade("A B", List.of("A", "C"), 5, subset).score()).isEqualTo(0.0);
        assertThat(grade("A, C", List.of("A", "C", "D"), 8, perOption).score()).isEqualTo(6.0);
        assertThat(grade("A, B, C, D", List.of("A", "C", "D"), 8, perOption).score()).isEqualTo(6.0);
        assertThat(grade("A", List.of("A", "C", "D"), 8, perOption).score()).isEqualTo(4.0);
        assertThat(grade("B, E", List.of("A", "C", "D"), 8, perOption).score()).isEqualTo(0.0);
    }

    private static GradeResult grade(String answer, List<String> key, double max,
            List<ai.smartai.model.problem.KeyPolicy> policies) {
        var in = new ai.smartai.backend.grading.GradingInput("p", ProblemType.CHOICE, "Select all that apply.",
                List.of(), max, null, List.of("A", "B", "C", "D", "E"), key, List.of(), "en", answer, policies);
        return new ChoiceGrader().grade(in);
    }
}
