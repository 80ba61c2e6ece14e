package ai.smartai.backend.ingest.parse;

import java.util.List;

import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/**
 * The key's entry for one problem. Empty lists mean the key did not say; {@code points} is null unless the key states
 * what the problem is worth.
 */
public record ParsedKey(
        String number,
        String referenceAnswer,
        List<RubricItem> rubric,
        List<String> correctChoices,
        List<TestCase> testCases,
        Double points,
        List<KeyPolicy> policies) {
}
