package ai.smartai.backend.grading.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.grading.Inputs;
import ai.smartai.model.problem.ProblemType;

/** The claims a proof is checked against, and the comment written from the same coverage as the score. */
class ClaimScoringTest {

    static final GradingInput EN = Inputs.of(ProblemType.CONCEPT, "Explain.", "Reference.", "Answer.");

    @Test
    void everyClaimOfALongReferenceIsUsedAndTheLastIsTheConclusion() {
        String reference = IntStream.rangeClosed(1, 35).mapToObj(i -> "Step " + i + " holds because of fact " + i + ".")
                .collect(Collectors.joining(" "));
        List<String> claims = ClaimScoring.referenceClaims(reference);
        assertThat(claims).hasSize(35);
        assertThat(claims.get(claims.size() - 1)).contains("Step 35");
    }

    @Test
    void anAnswerWithNothingFoundIsNeverToldItsPointsAreCovered() {
        assertThat(ClaimScoring.comment(EN, 0, List.of())).doesNotContain("are covered")
                .contains("were not found");
        assertThat(ClaimScoring.comment(EN, 0.5, List.of())).contains("only partly");
        assertThat(ClaimScoring.comment(EN, 0.9, List.of())).contains("are covered");
        assertThat(ClaimScoring.comment(EN, 0.9, List.of("the handshake lemma"))).contains("the handshake lemma")
                .doesNotContain("are covered");
    }
}
