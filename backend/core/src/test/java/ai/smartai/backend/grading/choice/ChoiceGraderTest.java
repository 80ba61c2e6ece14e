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
                // Letters picked out of a sentence go to the teacher.
                Arguments.of("I think it is B because the variance grows", List.of("B"), 8.0, true),
                Arguments.of("A：互不相容，所以不独立。", List.of("A", "B", "D"), 4.0, true));
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
}
