package ai.smartai.model.problem;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kinds of grading rule an answer key states beside its answers. */
public enum PolicyKind {
    /** Library calls or constructs a program must not use; {@code terms} names them. */
    @JsonProperty("forbidden-operation")
    FORBIDDEN_OPERATION,
    /** How far a value with units may be off, and what a missing or wrong unit costs; {@code amount} is a relative tolerance. */
    @JsonProperty("unit-tolerance")
    UNIT_TOLERANCE,
    /** Whether extra output lines or whitespace are allowed in a program's output. */
    @JsonProperty("extra-output")
    EXTRA_OUTPUT,
    /**
     * A program's output must match the expected output line by line as printed (a label, another case or a leading
     * blank line fails the test); spaces at line ends and blank lines at the end do not count.
     */
    @JsonProperty("exact-output")
    EXACT_OUTPUT,
    /**
     * Prompt text a program prints before reading its input ("请输入：", "Enter n: "): {@code amount} is the deduction
     * once per program when the key compares the rest of the output (0: no deduction); null when the prompt makes
     * the test fail.
     */
    @JsonProperty("prompt-text")
    PROMPT_TEXT,
    /** A program's result may list its items in any order (dicts and sets are unordered anyway). */
    @JsonProperty("any-order")
    ANY_ORDER,
    /**
     * A multi-answer choice: {@code amount} is what a proper subset of the key's letters with no wrong one earns
     * ("少选得 2 分", "only A or only C: 2"), in the problem's points.
     */
    @JsonProperty("choice-subset")
    CHOICE_SUBSET,
    /**
     * A multi-answer choice: {@code amount} is taken off the full marks for each wrong or missing letter, down to 0
     * ("each wrong or missing option −2, minimum 0", "每错选或漏选一项扣 2 分").
     */
    @JsonProperty("choice-per-option")
    CHOICE_PER_OPTION,
    /** How partial credit is given for incomplete work; {@code amount} 0 when the key gives none. */
    @JsonProperty("partial-credit")
    PARTIAL_CREDIT,
    /** An error carried forward from an earlier step is not charged again. */
    @JsonProperty("carried-error")
    CARRIED_ERROR,
    /**
     * A function or method under another name, or with other parameter or return types, than the task states: it is
     * still called under the student's name, and {@code amount} is the deduction.
     */
    @JsonProperty("signature")
    SIGNATURE,
    /**
     * A function that prints its result instead of returning it fails the tests; {@code amount} is the score it gets
     * when what it prints is right for every test.
     */
    @JsonProperty("printed-result")
    PRINTED_RESULT,
    /**
     * An efficiency requirement checked by reading the code ("O(len(a) + len(b))", "线性时间"): a program can pass
     * every test and still break it; {@code amount} is the deduction when the key states one.
     */
    @JsonProperty("complexity")
    COMPLEXITY,
    /**
     * Problems judged by their result alone ("选择、填空只看结果，不看过程", "Blanks: only the result is graded"): working
     * earns nothing and its absence costs nothing. {@code terms} names the kinds of problem it covers ("fill-in",
     * "choice"); none named: the problems the rule stands with.
     */
    @JsonProperty("result-only")
    RESULT_ONLY,
    /** Scores are given in steps; {@code amount} is the step (0.5). */
    @JsonProperty("granularity")
    GRANULARITY
}
