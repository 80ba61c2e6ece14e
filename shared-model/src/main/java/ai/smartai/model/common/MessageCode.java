package ai.smartai.model.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every text the server generates for a teacher: each code with its English and its Chinese, in one
 * place. {@code {0}}, {@code {1}} … are the message's arguments; the Chinese may leave out one that is a tool's own
 * English words. The English is what the API's plain-text fields
 * (`reviewReasons`, `evidence[].summary`) have always carried, word for word.
 */
public enum MessageCode {

    /** A text without a code: stored before codes existed, or words the server does not write (a tool's error). */
    TEXT("{0}", "{0}"),

    // Words used inside other texts.
    METHOD_CHOICE("choice", "选择题判分"),
    METHOD_CAS("cas", "计算机代数"),
    METHOD_SANDBOX("sandbox", "沙箱"),
    METHOD_SIMILARITY("similarity", "语义相似度"),
    METHOD_STEPS("steps", "步骤比对"),
    METHOD_LLM_PANEL("llm_panel", "大模型评审"),
    METHOD_MANUAL("manual", "人工"),
    METHOD_NONE("none", "无"),
    LANGUAGE_ZH("Chinese", "中文"),
    LANGUAGE_EN("English", "英文"),
    POLICY_FORBIDDEN_OPERATION("forbidden operation", "禁用运算"),
    POLICY_UNIT_TOLERANCE("unit tolerance", "单位容差"),
    POLICY_EXTRA_OUTPUT("extra output", "多余输出"),
    POLICY_PARTIAL_CREDIT("partial credit", "部分给分"),
    POLICY_CHOICE_SUBSET("credit for some of the right options", "少选得分"),
    POLICY_CHOICE_PER_OPTION("points off per wrong or missing option", "按选项扣分"),
    POLICY_CARRIED_ERROR("carried error", "错误传递"),
    POLICY_GRANULARITY("granularity", "给分粒度"),
    POLICY_SIGNATURE("signature", "函数签名"),
    POLICY_PRINTED_RESULT("printed result", "打印代替返回"),
    POLICY_COMPLEXITY("efficiency requirement", "复杂度要求"),
    POLICY_RESULT_ONLY("result only", "只看结果"),
    LANG_TAG_ZH("zh", "中文"),
    LANG_TAG_EN("en", "英文"),

    // How a review group is named.
    GROUP_BLANK("no answer", "未作答"),
    GROUP_FINAL_ANSWER("final answer {0}", "最终结果 {0}"),
    GROUP_SIMILAR_TEXT("similar text", "相似文字"),
    GROUP_NEAR_TEXT("nearly the same text", "几乎相同的文字"),
    GROUP_PASSES_ALL_TESTS("passes every test", "通过全部测试"),
    GROUP_FAILS_TESTS("fails tests {0}", "未通过测试 {0}"),

    // Review reasons: why a grade waits for the teacher.
    REVIEW_BLANK("no answer was found for this problem: check that it is blank on the sheet, not read into another "
            + "problem", "本题未读到作答：请核对答卷上确为空白，而不是被读入了其他题目"),
    REVIEW_NO_TOOL("no tool can judge this problem without a reference answer", "没有参考答案，任何工具都无法判定本题"),
    REVIEW_READ_LIMIT("the answer is {0} characters long; the {1} check read only the first {2}",
            "作答长 {0} 个字符；{1}检查只读取了前 {2} 个"),
    REVIEW_INJECTION("the answer contains text aimed at the grader: \"{0}\"", "作答中有针对评分程序的指令：“{0}”"),
    REVIEW_TIMEOUT("the {0} check took longer than the {1} s limit", "{0}检查超过了 {1} 秒的时限"),
    REVIEW_GRADER_FAILED("the {0} check failed: {1}", "{0}检查出错：{1}"),
    REVIEW_INTERRUPTED("grading was interrupted", "评分被中断"),
    REVIEW_QUARANTINED("grading this answer failed {0} times ({1}); it was set aside for the teacher",
            "本题评分失败 {0} 次（{1}），已留给老师处理"),
    REVIEW_NOT_FOUND("no answer to this problem was found on the sheet, which has {0} characters of text that matched "
            + "no problem; find the answer there", "答卷中未找到本题作答，但有 {0} 个字符的文字未归属任何题目：请在其中查找本题作答"),
    REVIEW_UNVERIFIED_SUGGESTION("the {0} score is a suggestion: no tool verified what decides it",
            "{0}给出的分数只是建议：决定分数的部分没有工具核实"),
    REVIEW_INFERRED_CREDIT("credit inferred, not verified by a tool, for: {0}", "以下评分项的得分是推断的，未经工具核实：{0}"),
    REVIEW_KEY_POLICY("the key's {0} rule is not applied by the tools; check it: \"{1}\"",
            "答案中的“{0}”规则工具无法执行，请核对：“{1}”"),
    REVIEW_COPYING_ONE("possible copying: near-identical to student {0}", "疑似抄袭：与学生 {0} 几乎相同"),
    REVIEW_COPYING_MANY("possible copying: near-identical to students {0}", "疑似抄袭：与学生 {0} 几乎相同"),
    REVIEW_COPYING_MORE("possible copying: near-identical to students {0} and {1} more",
            "疑似抄袭：与学生 {0} 等（另有 {1} 人）几乎相同"),
    // choice
    REVIEW_CHOICE_NO_KEY("no answer key for this choice problem", "本选择题没有答案"),
    REVIEW_CHOICE_UNREAD("could not read an option letter from the answer", "未能从作答中读出选项字母"),
    REVIEW_CHOICE_FROM_SENTENCE("the option letters were read from a sentence, not from a line of letters alone: "
            + "confirm them", "选项字母是从句子中读出的，而不是单独一行字母：请确认"),
    REVIEW_CHOICE_SEVERAL("several options given for a single-answer problem", "单选题给出了多个选项"),
    // cas
    REVIEW_CAS_BRACKETS("final answer not compared: brackets differ from the reference (open or closed interval?)",
            "最终结果未比较：括号与参考答案不同（开区间还是闭区间？）"),
    REVIEW_CAS_BOUND("final answer not compared: {0} against the key's {1}, another kind of bound or not the last one "
            + "written", "最终结果未比较：{0} 与参考答案 {1} 的界的种类不同，或正确的界不是最后写出的"),
    REVIEW_CAS_COMPONENT("final answer not compared: a component could not be valued", "最终结果未比较：有分量无法求值"),
    REVIEW_CAS_NOT_COMPARED("final answer not compared: {0}", "最终结果未比较：{0}"),
    REVIEW_CAS_UNREADABLE("final answer could not be read by the CAS", "计算机代数系统无法读取最终结果"),
    REVIEW_CAS_UNIT("the reference's result has a unit ({0}); the answer's final value has none that could be read",
            "参考结果带单位（{0}）；作答的最终数值中读不出单位"),
    REVIEW_CAS_BARE("correct final answer without any working", "最终结果正确，但没有任何过程"),
    REVIEW_CAS_WORKING_UNREAD("correct final answer; the working before it could not be read, so its credit is the "
            + "teacher's call", "最终结果正确；之前的过程无法解析，过程分请老师判断"),
    REVIEW_CAS_BROKEN_STEP("correct final result, but a step of the working does not hold ({0}): what a wrong step "
            + "costs is the key's rule", "最终结果正确，但推导中有一步不成立（{0}）：扣分按评分标准的规定"),
    REVIEW_CAS_OTHER_METHOD("correct final result, but the working reaches fewer than half of the key's intermediate "
            + "results, and the key warns that a wrong formula can give the right number: check the method",
            "最终结果正确，但过程中参考答案的中间结果不到一半，而参考答案提醒错误方法也可能碰巧得到正确数值：请核对方法"),
    REVIEW_CAS_KEY_MISREAD("the result differs from the key, but a step of the key itself does not hold as the CAS "
            + "reads it ({0}): its notation may be misread, so the teacher judges the result",
            "结果与参考答案不一致，但计算机代数系统读到的参考答案本身有一步不成立（{0}）：可能误读了其记法，结果请老师判断"),
    REVIEW_CAS_NOTHING("nothing in the answer could be checked by the CAS", "作答中没有计算机代数系统能核对的内容"),
    REVIEW_CAS_PART_NOT_COMPARED("part ({0}): final result not compared: {1}", "第（{0}）小问：最终结果未比较：{1}"),
    REVIEW_CAS_BLANK_UNPAIRED("blank “{0}”: no statement of the answer names it, so its value was not compared",
            "空“{0}”：作答中没有写明它的值，未比较"),
    REVIEW_CAS_NO_RESULT("the final result was not compared with a reference", "最终结果未与参考答案比较"),
    REVIEW_CAS_PARTIAL("final result wrong: the partial credit for the working should be confirmed",
            "最终结果错误：过程分需要确认"),
    REVIEW_BOOL_KEY_CONTRADICTS("the answer key's expression contradicts the minterms in the problem",
            "答案中的表达式与题目给出的最小项矛盾"),
    REVIEW_BOOL_MATCHES_FAULTY_KEY("the answer matches the (faulty) answer key but not the problem",
            "作答与（有误的）答案一致，但与题目不符"),
    REVIEW_RUBRIC_UNJUDGED("most of the rubric could not be judged by a tool", "评分细则的大部分无法由工具判定"),
    REVIEW_CAS_BOOLEAN_UNREAD("could not read a Boolean expression from the answer", "未能从作答中读出布尔表达式"),
    // sandbox
    REVIEW_SANDBOX_UNAVAILABLE("sandbox unavailable", "沙箱不可用"),
    REVIEW_SANDBOX_DESCRIPTION("no program found; a written description may deserve credit", "未找到程序；文字描述也许值得给分"),
    REVIEW_SANDBOX_PROSE("the code ran only after removing text around it; check that it is the student's program",
            "去掉代码周围的文字后程序才能运行：请确认这是学生的程序"),
    REVIEW_SANDBOX_OPERATIONS("the program does operations the task does not need ({0}); the key's rule for them must "
            + "be applied", "程序做了题目不需要的操作（{0}）：需按答案中的规则处理"),
    REVIEW_SANDBOX_NO_TESTS("no test cases, and no reference program to derive them from", "没有测试用例，也没有可生成用例的参考程序"),
    REVIEW_SANDBOX_NOT_DEFINED(
            "the tests call {0}, which the program does not define under any name: the answer may be "
                    + "in another language or elsewhere on the sheet",
            "测试调用的 {0} 在程序中没有定义（任何名字都没有）：答案可能用了别的语言，或写在答卷的别处"),
    REVIEW_SANDBOX_MISNAMED(
            "the function is not named as the task asks ({0}); it was called anyway, the key's deduction "
                    + "for this must be applied",
            "函数名与题目要求不同（{0}）；仍已调用，需按答案扣分"),
    REVIEW_SANDBOX_SIGNATURE("the method's signature differs from the one the task states ({0}); the key's rule for "
            + "this decides", "方法签名与题目给出的不同（{0}）：按答案中的相应规则处理"),
    REVIEW_SANDBOX_RULE_UNCHECKED("the key charges for changing the caller's value, which was not checked for a {0} "
            + "answer: apply \"{1}\" by reading the code", "答案对修改调用者的值扣分，而 {0} 作答无法检查：请阅读代码按“{1}”处理"),
    REVIEW_SANDBOX_PRINTS(
            "the function prints its result instead of returning it, and what it prints is right for {0} of {1} "
                    + "tests: the key's rule for printing decides",
            "函数打印结果而没有返回，打印内容在 {1} 个测试中有 {0} 个正确：按答案中关于打印的规则处理"),
    REVIEW_SANDBOX_RUBRIC("most of the rubric could not be judged by running the program", "评分细则的大部分无法通过运行程序判定"),
    REVIEW_SANDBOX_NOT_PYTHON_TESTS("no test cases for a {0} program", "没有 {0} 程序的测试用例"),
    REVIEW_SANDBOX_CALL_TESTS(
            "function-call tests can run only Python, Java and C answers; write {0} tests as input → output",
            "函数调用式测试只能运行 Python、Java 和 C 作答；{0} 的测试请写成 输入 → 输出"),
    REVIEW_SANDBOX_JAVA_CALLS("the function tests could not be called on the Java answer (no method of that name, or "
            + "arguments of types the key's values cannot be written as)",
            "无法在 Java 作答上调用函数测试（没有同名方法，或参数类型无法写出答案中的值）"),
    REVIEW_SANDBOX_C_CALLS("the function tests could not be called on the C answer (no function of that name, a "
            + "result that cannot be shown, or arguments of types the key's values cannot be written as)",
            "无法在 C 作答上调用函数测试（没有同名函数，返回值无法显示，或参数类型无法写出答案中的值）"),
    REVIEW_SANDBOX_ALWAYS_FAILS("the program stops with an error on every test; check that its code was read whole",
            "程序在每个测试上都出错退出；请检查代码是否被完整读取"),
    REVIEW_SANDBOX_NO_MAIN("no class with a main method in the Java answer", "Java 作答中没有带 main 方法的类"),
    REVIEW_SANDBOX_PROMPTS("the program prints prompt text besides the expected output in {0} test(s); they were "
            + "counted as passed, the key's rule for extra output must be applied",
            "程序在 {0} 个测试中除预期输出外还打印了提示文字；这些测试按通过计，需按答案中关于多余输出的规则处理"),
    REVIEW_SANDBOX_DOES_NOT_RUN("the program does not run ({0}): credit for the code itself is the teacher's call",
            "程序无法运行（{0}）：代码本身能得多少分由老师决定"),
    REVIEW_SANDBOX_PARTLY_RAN("only {0} of {1} tests ran; the others did not fail, they did not run",
            "{1} 个测试中只运行了 {0} 个；其余的不是失败，而是没有运行"),
    REVIEW_SANDBOX_PARTLY_RAN_STOPPED("only {0} of {1} tests ran (stopped by the {2}); the others did not fail, they "
            + "did not run", "{1} 个测试中只运行了 {0} 个（被{2}终止）；其余的不是失败，而是没有运行"),
    REVIEW_SANDBOX_IMITATES("the program printed something that imitates the grader's result lines",
            "程序打印了模仿评分结果行的内容"),
    REVIEW_SANDBOX_UNREADABLE_LINE("unreadable result line from the test harness", "测试程序返回了无法读取的结果行"),
    REVIEW_SANDBOX_TAMPERED("more results than tests: the program may have tampered with the harness",
            "结果多于测试：程序可能篡改了测试程序"),
    // similarity, steps
    REVIEW_SIMILARITY_NO_REFERENCE("no reference answer to compare with", "没有可比较的参考答案"),
    REVIEW_SIMILARITY_UNCERTAIN("similarity in the uncertain band: check the key points", "相似度处于不确定区间：请核对要点"),
    REVIEW_UNCERTAIN_MATCH("uncertain match for: {0}", "以下要点匹配不确定：{0}"),
    REVIEW_LANGUAGE_MISMATCH("the answer is in {0}, the problem in {1}: key points may be missed across languages",
            "作答为{0}，题目为{1}：跨语言比对可能漏掉要点"),
    REVIEW_STEPS_NO_REFERENCE("no reference proof to line the answer up with", "没有可对照的参考证明"),
    REVIEW_STEPS_NO_CLAIMS("the reference has no claims to check", "参考答案中没有可核对的论断"),
    REVIEW_STEPS_BARE_CONCLUSION("conclusion stated without the steps that lead to it", "只写了结论，没有推出结论的步骤"),
    REVIEW_STEPS_PARTIAL("partial proof: missing {0}", "证明不完整：缺少 {0}"),
    // llm panel
    REVIEW_PANEL_UNAVAILABLE("LLM panel unavailable ({0})", "大模型评审不可用（{0}）"),
    REVIEW_PANEL_DISAGREE("experts disagree: {0} of {1}", "专家意见不一致：{0}（满分 {1}）"),
    REVIEW_PANEL_UNSTABLE("{0} is unstable across samples (spread {1})", "{0} 多次采样结果不稳定（离散 {1}）"),
    REVIEW_PANEL_FAR_ABOVE("the panel's {0} is far above the tools' {1} of {2}, which a verified fact supports: {3}",
            "评审给出的 {0} 远高于工具的 {1}（满分 {2}），而工具的分数有核实的依据：{3}"),
    PANEL_LOW_TESTS("the program failed test cases in the sandbox", "程序在沙箱中有测试未通过"),
    PANEL_LOW_CAS("the computer algebra system found the final answer different from the reference",
            "计算机代数系统认定最终结果与参考答案不同"),
    PANEL_LOW_CHOICE("the chosen option does not match the key", "所选选项与答案不一致"),
    REVIEW_PANEL_INSTRUCTS("the answer tries to instruct the grader", "作答试图向评分者下指令"),

    // Evidence: what a tool checked and what it found.
    EV_BLANK("No answer was found for this problem.", "未找到本题的作答。"),
    EV_READ_LIMIT("Only the first {0} of {1} characters were graded.", "只评了 {1} 个字符中的前 {0} 个。"),
    EV_INJECTION("Instructions to the grader were found and ignored: \"{0}\".", "发现并忽略了针对评分程序的指令：“{0}”。"),
    EV_RUBRIC("Rubric: {0} of {1}", "评分细则：{0} / {1}"),
    EV_RUBRIC_UNJUDGED("Rubric: {0} of {1}; not judged by a tool, given the judged share: {2}",
            "评分细则：{0} / {1}；以下项目工具无法判定，按已判定部分的比例给分：{2}"),
    EV_CALIBRATED("No tool verified this score; its confidence {0} clears the threshold {1} calibrated on the corpus "
            + "for {2} answers in {3} ({4} % of {5} held-in answers above it were within 10 % of the teacher's score).",
            "此分数未经工具核实；其置信度 {0} 超过了在语料上为{3}{2}作答校准的阈值 {1}（高于阈值的 {5} 份作答中，{4}% 与老师评分相差不到 10%）。"),
    EV_UNCALIBRATED("No tool verified this score, and its confidence {0} clears no threshold calibrated on the corpus "
            + "for {1} answers in {2}.", "此分数未经工具核实，其置信度 {0} 未超过在语料上为{2}{1}作答校准的任何阈值。"),
    EV_UNMATCHED_TEXT("Text that matched no problem", "未归属到任何题目的文字"),
    EV_CHOICE_NO_KEY("The key gives no correct option, so nothing was compared.", "答案未给出正确选项，因此未作比较。"),
    EV_CHOICE_UNREAD("No option letter found in: {0}", "未找到选项字母：{0}"),
    EV_CHOICE("Chose {0}; key {1}: {2}.", "选择 {0}；答案 {1}：{2}。"),
    EV_CHOICE_WRONG("Chose {0}; key {1}: includes wrong option(s) {2}.", "选择 {0}；答案 {1}：包含错误选项 {2}。"),
    EV_CHOICE_UNKNOWN("Chose {0}; key {1}: {2}; {3} is not an option of this problem.",
            "选择 {0}；答案 {1}：{2}；{3} 不是本题的选项。"),
    EV_CHOICE_WRONG_UNKNOWN("Chose {0}; key {1}: includes wrong option(s) {2}; {3} is not an option of this problem.",
            "选择 {0}；答案 {1}：包含错误选项 {2}；{3} 不是本题的选项。"),
    CHOICE_RULE_MATCHES("matches the key", "与答案一致"),
    CHOICE_RULE_SUBSET("a correct subset of the key (half credit)", "是答案的正确子集（得一半分）"),
    CHOICE_RULE_MISMATCH("does not match the key", "与答案不一致"),
    EV_SIMILARITY("Similarity of the whole answer to the reference: {0}.", "整篇作答与参考答案的相似度：{0}。"),
    EV_KEY_POINTS_COVERS("Covers {0} % of the reference's points.", "覆盖参考答案要点的 {0}%。"),
    EV_KEY_POINTS_COVERED("Covered {0} of {1} points of the rubric's key points.", "评分要点共 {1} 分，覆盖了 {0} 分。"),
    EV_STEPS_COVERED("Reference claims covered: {0} %.", "覆盖参考证明论断：{0}%。"),
    EV_STEPS_CONCLUSION_STATED("Covers {0} % of the reference's {1} claims; conclusion stated.",
            "覆盖参考证明 {1} 个论断中的 {0}%；写出了结论。"),
    EV_STEPS_CONCLUSION_MISSING("Covers {0} % of the reference's {1} claims; conclusion missing.",
            "覆盖参考证明 {1} 个论断中的 {0}%；缺少结论。"),
    EV_CAS_BRACKETS("Final answer {0} is bracketed differently from the reference {1}; not compared.",
            "最终结果 {0} 的括号与参考答案 {1} 不同，未比较。"),
    EV_CAS_NOT_COMPARABLE("Final answer {0} could not be compared with the reference {1}.", "最终结果 {0} 无法与参考答案 {1} 比较。"),
    EV_CAS_NOT_COMPARABLE_WHY("Final answer {0} could not be compared with the reference {1} ({2}).",
            "最终结果 {0} 无法与参考答案 {1} 比较（{2}）。"),
    // {2} is how the CAS compared, in its own words ("numeric value", "2 of 3 values matched"): the Chinese leaves it out.
    EV_CAS_EQUIVALENT("Final answer {0} is equivalent to the reference {1} ({2}).", "最终结果 {0} 与参考答案 {1} 等价。"),
    EV_CAS_NOT_EQUIVALENT("Final answer {0} is not equivalent to the reference {1} ({2}).",
            "最终结果 {0} 与参考答案 {1} 不等价。"),
    CAS_HOW_VECTORS("vectors compared up to a non-zero multiple: {0} of {1} matched", "向量按非零倍数比较：{1} 个中 {0} 个一致"),
    CAS_HOW_TUPLES("tuples compared component by component: {0} of {1} matched", "元组逐分量比较：{1} 个中 {0} 个一致"),
    CAS_HOW_UNITS("units converted; {0}", "已换算单位；{0}"),
    CAS_HOW_VERDICT("verdicts compared: converges or diverges, and how when the key says",
            "比较结论：收敛或发散，参考答案注明时也比较绝对或条件收敛"),
    CAS_HOW_GROWTH("orders of growth compared, constant factors, lower-order terms and logarithm bases aside",
            "按增长阶比较，不计常数因子、低阶项和对数的底"),
    EV_CAS_NO_REFERENCE("The reference answer has no final result the CAS can read; the final answer was not compared.",
            "参考答案中没有计算机代数系统能读取的最终结果；最终结果未比较。"),
    EV_CAS_REFUSED("The final answer {0} was not compared: {1}.", "最终结果 {0} 未比较：{1}。"),
    EV_CAS_NO_FINAL("No final answer found in the answer.", "作答中未找到最终结果。"),
    EV_CAS_NO_FINAL_FOR("No final answer found in the answer for {0}.", "作答中未找到 {0} 的最终结果。"),
    EV_CAS_UNREADABLE("The final answer {0} could not be read as mathematics.", "最终结果 {0} 无法作为数学式读取。"),
    EV_CAS_KEY_RESULTS("Found {0} of {1} intermediate results of the reference in the working.",
            "过程中找到了参考答案 {1} 个中间结果中的 {0} 个。"),
    EV_CAS_STEPS("{0} of {1} checked steps hold.", "核对的 {1} 步中有 {0} 步成立。"),
    EV_CAS_STEPS_BROKEN("{0} of {1} checked steps hold; the first that breaks: {2}.",
            "核对的 {1} 步中有 {0} 步成立；第一处不成立：{2}。"),
    EV_CAS_STEPS_NONE("No step could be checked on its own; the derivation is credited like the method, by the "
            + "intermediate results found.", "没有能单独核对的步骤；推导分与方法分一样，按找到的中间结果给出。"),
    EV_CAS_BOOLEAN_UNREAD("No Boolean expression found in the answer.", "作答中未找到布尔表达式。"),
    EV_BOOL_KEY_CHECK("The answer key's expression does not realise the problem's minterms: it differs at rows {0}. "
            + "Which one the teacher meant cannot be decided by a tool.",
            "答案中的表达式与题目的最小项不符：在第 {0} 行不同。老师的本意是哪一个，工具无法判定。"),
    EV_BOOL_EQUALS("Truth table over {0}: the answer equals {1} on every row.", "在 {0} 上的真值表：作答在每一行都等于{1}。"),
    EV_BOOL_DIFFERS("Truth table over {0}: the answer differs from {1} at {2} row(s): {3}.",
            "在 {0} 上的真值表：作答与{1}有 {2} 行不同：{3}。"),
    BOOL_AGAINST_REFERENCE("the reference expression", "参考表达式"),
    EV_BOOL_EQUALS_MINTERMS("Truth table over {0}: the answer equals the problem's minterms Σm{1} on every row.",
            "在 {0} 上的真值表：作答在每一行都等于题目的最小项 Σm{1}。"),
    EV_BOOL_DIFFERS_MINTERMS(
            "Truth table over {0}: the answer differs from the problem's minterms Σm{1} at {2} row(s): "
                    + "{3}.",
            "在 {0} 上的真值表：作答与题目的最小项 Σm{1} 有 {2} 行不同：{3}。"),
    EV_BOOL_MINIMAL("Minimal: {0} literals, as the reference ({1}).", "最简：{0} 个文字，与参考答案（{1}）相同。"),
    EV_BOOL_NOT_MINIMAL("Not minimal: {0} literals against {1} in the reference.", "不是最简：{0} 个文字，参考答案为 {1} 个。"),
    EV_BOOL_STEPS("{0} of {1} Boolean rewriting steps hold.", "{1} 步布尔变换中有 {0} 步成立。"),
    EV_BOOL_STEPS_BROKEN("{0} of {1} Boolean rewriting steps hold; the first that breaks: {2}.",
            "{1} 步布尔变换中有 {0} 步成立；第一处不成立：{2}。"),
    EV_BOOL_VS_KEY_EQUAL("Against the answer key's expression the answer is equivalent.", "与答案中的表达式相比，作答等价。"),
    EV_BOOL_VS_KEY_DIFFERS("Against the answer key's expression the answer differs at {0} row(s).",
            "与答案中的表达式相比，作答有 {0} 行不同。"),
    EV_SANDBOX_UNAVAILABLE("Bubblewrap is not available, so the program was not run.", "沙箱（bubblewrap）不可用，程序未运行。"),
    EV_SANDBOX_NO_PROGRAM("No program found in the answer.", "作答中未找到程序。"),
    EV_SANDBOX_PROSE("Removed lines that are not code before running it: {0}; the grade with them was {1}.",
            "运行前删去了不是代码的行：{0}；保留它们时的得分为 {1}。"),
    EV_SANDBOX_DOES_NOT_RUN("The program does not run: {0}", "程序无法运行：{0}"),
    EV_SANDBOX_ALIAS("Called the student's function {0} as {1}.", "把学生的函数 {0} 当作 {1} 调用。"),
    EV_SANDBOX_STOPPED("Stopped by the {0} after {1} of {2} tests.", "运行 {2} 个测试中的 {1} 个后被{0}终止。"),
    EV_CAS_PARTS_UNDECIDED("The key has {0} parts; not every part's result could be compared.",
            "参考答案有 {0} 个小问；并非每个小问的结果都能比较。"),
    EV_CAS_BLANKS_UNPAIRED("The key names {0} blanks; the answer names a value for {1} of them ({2}).",
            "参考答案有 {0} 个空；作答写明了其中 {1} 个的值（{2}）。"),
    EV_CAS_PARTS("The key has {0} parts; the parts' results earn {1} % of the result points.",
            "参考答案有 {0} 个小问；各小问的结果得到结果分的 {1} %。"),
    EV_SANDBOX_TESTS("Passed {0} of {1} tests.", "通过 {1} 个测试中的 {0} 个。"),
    EV_SANDBOX_FAILED_TESTS("Failed tests (by number): {0}.", "未通过的测试（编号）：{0}。"),
    EV_SANDBOX_TESTS_STDIN("Passed {0} of {1} tests ({2}, stdin → stdout).", "通过 {1} 个测试中的 {0} 个（{2}，标准输入 → 标准输出）。"),
    EV_SANDBOX_TESTS_STDIN_EXACT("Passed {0} of {1} tests ({2}, stdin → stdout, output compared as printed).",
            "通过 {1} 个测试中的 {0} 个（{2}，标准输入 → 标准输出，输出按原样比较）。"),
    EV_SANDBOX_GENERATED("The key has no test cases: {0} were generated by running its reference solution on {1}.",
            "答案没有测试用例：在 {1} 上运行参考程序生成了 {0} 个。"),
    EV_SANDBOX_NOT_RUN("A {0} program; it was not run.", "一个 {0} 程序；未运行。"),
    EV_SANDBOX_COMPILED_FAILS("The {0} program {1}", "{0} 程序：{1}"),
    EV_SANDBOX_PROMPTS("{0} test(s) pass only once prompt text such as \"请输入：\" is removed from the output.",
            "{0} 个测试要去掉输出中的提示文字（如“请输入：”）才通过。"),
    EV_SANDBOX_PROMPTS_FAIL("{0} test(s) print prompt text such as \"请输入：\" besides the expected output; the key "
            + "counts them as failed.", "{0} 个测试在期望输出之外还输出了提示文字（如“请输入：”）；按评分标准算作不通过。"),
    EV_SANDBOX_ARGUMENT_CHANGED("The function changed the argument it was given in test(s) {0}.",
            "函数在第 {0} 个测试中修改了传入的参数。"),
    EV_KEY_RULE_APPLIED("The key's rule \"{0}\" was applied ({1}): {2} point(s).",
            "已按答案的规则“{0}”处理（{1}）：{2} 分。"),
    EV_SANDBOX_PROMPTS_DEDUCTED(
            "{0} test(s) pass once prompt text such as \"Enter n: \" is ignored; the key deducts {1} "
                    + "point(s) once for prompts: {2} taken.",
            "{0} 个测试忽略提示文字（如“请输入：”）后通过；评分标准对提示文字扣 {1} 分"
                    + "（一次）：实扣 {2} 分。"),
    EV_COMPLEXITY_UNFINISHED("{0} did not finish ({1}): too slow for the required complexity.",
            "{0} 没有运行完（{1}）：达不到要求的复杂度。"),
    EV_COMPLEXITY_WRONG_VALUE("{0} returned {1}, not the reference's {2}: the complexity is not credited.",
            "{0} 返回 {1}，而参考程序返回 {2}：复杂度不给分。"),
    EV_COMPLEXITY_WITHIN("{0}: the run with it took {1} ms (bound {2} ms): within the bound.",
            "{0}：含此调用的运行用时 {1} ms（上限 {2} ms）：在上限之内。"),
    EV_COMPLEXITY_SLOW("{0}: the run with it took {1} ms (bound {2} ms): too slow for the required complexity.",
            "{0}：含此调用的运行用时 {1} ms（上限 {2} ms）：达不到要求的复杂度。"),
    EV_COMPLEXITY_WITHIN_REF(
            "{0}: the run with it took {1} ms, the reference's {3} ms (bound {2} ms): within the bound.",
            "{0}：含此调用的运行用时 {1} ms，参考程序 {3} ms（上限 {2} ms）：在上限之内。"),
    EV_COMPLEXITY_SLOW_REF("{0}: the run with it took {1} ms, the reference's {3} ms (bound {2} ms): too slow for the "
            + "required complexity.", "{0}：含此调用的运行用时 {1} ms，参考程序 {3} ms（上限 {2} ms）：达不到要求的复杂度。"),
    COMPLEXITY_NO_RESULT("no result", "没有结果"),
    SCAN_ENVIRONMENT("reads the environment", "读取环境变量"),
    SCAN_NETWORK("uses the network", "使用网络"),
    SCAN_FILES("writes or deletes files", "写入或删除文件"),
    SCAN_REDIRECT("redirects standard input or output to a file", "把标准输入或输出重定向到文件"),
    SCAN_PROCESS("starts a process", "启动进程"),
    SCAN_EVAL("eval or reflection", "eval 或反射"),
    EV_CODE_SCAN("Line {0} {1}: {2}", "第 {0} 行 {1}：{2}"),
    LIMIT_TIME("time limit", "时间限制"),
    LIMIT_MEMORY("memory limit", "内存限制"),
    LIMIT_OUTPUT("output limit", "输出限制"),
    EV_PANEL_NONE("No expert answered; the tools' grade stands.", "没有专家回答；沿用工具的评分。"),
    EV_PANEL_ERRORS("Some experts failed and were left out.", "部分专家出错，已排除。"),
    EV_PANEL("{0} expert(s): {1}; merged by {2}.", "{0} 位专家：{1}；合并方式：{2}。"),
    PANEL_ONE_EXPERT("one expert", "仅一位专家"),
    PANEL_MEAN("confidence-weighted mean", "按置信度加权平均"),
    PANEL_NO_PROVIDER("no provider", "没有提供方"),

    // Evidence details: the lines of a tool's breakdown.
    EVD_RUBRIC_LINE("• {0}: {1}/{2}", "• {0}：{1}/{2}"),
    EVD_RUBRIC_INFERRED("• {0}: {1}/{2} (inferred)", "• {0}：{1}/{2}（推断）"),
    EVD_RUBRIC_MATCH("• {0}: {1}/{2} (similarity {3})", "• {0}：{1}/{2}（相似度 {3}）"),
    EVD_TERMS_FOUND("  terms {0}", "  命中术语 {0}"),
    EVD_TERMS_MISSING("  missing {0}", "  缺少术语 {0}"),
    EVD_BEST_MATCH("  best match: \"{0}\"", "  最接近的句子：“{0}”"),
    EVD_CLAIM("{0} {1} (similarity {2})", "{0} {1}（相似度 {2}）"),
    EVD_CLAIM_SENTENCE("{0} {1} (similarity {2}): \"{3}\"", "{0} {1}（相似度 {2}）：“{3}”"),
    EVD_TESTS_FAILED("failed:", "未通过的测试："),
    EVD_TEST_FAILED("{0} → expected {1}, got {2}", "{0} → 应为 {1}，得到 {2}"),
    EVD_TEST_NOT_RUN("{0} → expected {1}, got (not run)", "{0} → 应为 {1}，未运行"),
    EVD_KEY_RESULTS_FOUND("found: {0}", "找到：{0}"),
    EVD_KEY_RESULTS_MISSING("missing: {0}", "缺少：{0}"),
    EVD_CHOICE_READ("read from: {0}", "读取自：{0}"),
    EVD_GRADER_CONFIDENCE("grader confidence {0}", "评分器置信度 {0}"),
    EVD_PART_NOT_COMPARED("({0}) {1} against {2}: not compared ({3})", "（{0}）{1} 对 {2}：未比较（{3}）"),
    CAS_PART_NO_ANSWER("no part of the answer is labelled ({0}) or comes in its place",
            "作答中没有标为（{0}）或处在其位置的部分"),
    CAS_PART_KEY_UNREAD("the key's result {0} could not be read", "答案的结果 {0} 无法读取"),
    CAS_PART_NO_RESULT("no result found in the answer's part ({0})", "作答的第（{0}）小问中未找到结果"),
    CAS_PART_ONE_FIGURE("the value {0} has one significant figure", "数值 {0} 只有一位有效数字"),
    CAS_PART_NO_UNIT("the key's result has a unit ({0}); the answer's value {1} has none that could be read",
            "答案的结果带单位（{0}）；作答的数值 {1} 中读不出单位"),
    CAS_PART_VALUES_UNREAD("the values could not be read by the CAS", "计算机代数系统无法读取这些数值"),
    // {3} is how the CAS compared, in its own words: the Chinese leaves it out.
    EVD_PART_EQUALS("({0}) {1} equals {2} ({3})", "（{0}）{1} 等于 {2}"),
    EVD_PART_DIFFERS("({0}) {1} differs from {2} ({3})", "（{0}）{1} 不等于 {2}"),
    EVD_UNDECIDED("undecided: {0}", "未能判定：{0}"),
    EVD_FACT_CAS_RESULT("The computer algebra system verified that the final answer equals the reference: award the "
            + "full result credit (at least {0} points).", "计算机代数系统核实了最终结果与参考答案相等：结果分应全给（至少 {0} 分）。"),
    EVD_FACT_TESTS_FAILED("The program failed some of its test cases in the sandbox: it cannot get full "
            + "functionality credit (at most {0} points in total).", "程序在沙箱中有测试未通过：功能分不能全给（总分至多 {0} 分）。"),

    // Uploads: what reading a file found, and why it failed.
    UP_STORED_UNREADABLE("{0}: the stored upload cannot be read any more ({1}); upload it again.",
            "{0}：已存储的上传文件无法再读取（{1}）；请重新上传。"),
    UP_NO_PROBLEMS("{0}: no problems found in the document.", "{0}：文档中未找到题目。"),
    UP_KEY_MATCHES_NONE("{0}: no answer in the key matches a problem.", "{0}：答案中没有与任何题目对应的解答。"),
    UP_ARCHIVE_EMPTY("{0}: the archive holds no answer files.", "{0}：压缩包中没有答卷文件。"),
    UP_NOT_HOMEWORK("{0}: skipped, not a homework document ({1}).", "{0}：已跳过，不是作业文档（{1}）。"),
    UP_ENCODING_CHECK("{0}: its text encoding was guessed ({1}); check its answers.",
            "{0}：文本编码是推测的（{1}）；请核对其作答。"),
    UP_ENCODING("{0}: its text encoding was guessed ({1}).", "{0}：文本编码是推测的（{1}）。"),
    UP_STUDENTS_SAVED("{0} students saved", "已保存 {0} 名学生"),
    UP_DOCUMENT_EMPTY("{0}: the document is empty.", "{0}：文档是空的。"),
    UP_NO_NUMBERING("{0}: no problem numbering found; the whole document is one problem. Number the problems (e.g. "
            + "'## 1.', '1.', 'Q1', '第1题') to split them.",
            "{0}：未找到题号，整个文档作为一道题。请给题目编号（如 '## 1.'、'1.'、'Q1'、'第1题'）以便拆分。"),
    UP_SPLIT_BY_KEY("{0}: its numbering was not one we know; it was split where the answer key's {1} problems are "
            + "numbered in it. Check the problems.", "{0}：题号格式无法识别；已按答案中的 {1} 道题在文中的编号拆分。请核对题目。"),
    UP_FEWER_PROBLEMS("{0}: the answer key answers {1} problems, but the problem set {2} was read as {3}; answers to "
            + "the other problems cannot be graded. Number the problems in the problem set (e.g. '1.', 'Q1', '第1题') "
            + "and upload it again.",
            "{0}：答案给出了 {1} 道题的解答，但题目文件 {2} 只读出 {3} 道题；其余题目的作答无法批改。"
                    + "请给题目文件中的题目编号（如 '1.'、'Q1'、'第1题'）后重新上传。"),
    UP_PROBLEMS_FROM_KEY("{0}: the answer key {1} answers problems this set's numbering does not hold; problems {2} "
            + "were made from the key, with no text and typed by its answers, so that students' answers to them are "
            + "graded. Give them their text, or number the problem set and upload it again.",
            "{0}：答案 {1} 中有题目文件的编号里找不到的题；第 {2} 题按答案建立，没有题目文字，题型由答案推断，以便批改学生的作答。"
                    + "请补上题目文字，或给题目文件编号后重新上传。"),
    UP_PROBLEM_NO_TEXT("{0}: problem {1} has no text.", "{0}：第 {1} 题没有文字。"),
    UP_KEY_NO_NUMBERING("{0}: no problem numbering found, so no answer could be matched to a problem.",
            "{0}：未找到题号，因此没有解答能对应到题目。"),
    UP_KEY_ANSWER_IGNORED("{0}: answer {1} matches no problem and was ignored.", "{0}：解答 {1} 没有对应的题目，已忽略。"),
    UP_KEY_NO_ANSWER("{0}: no answer for problem {1}.", "{0}：第 {1} 题没有解答。"),
    UP_RUBRIC_SCALED("{0}: the rubric totals {1} points but the problem is worth {2}; rubric points are scaled to {2}.",
            "{0}：评分细则共 {1} 分，但本题满分 {2} 分；细则分值按比例换算为 {2} 分。"),
    UP_KEY_NO_OPTION("{0}: the key gives no option letter; choose the correct option(s).",
            "{0}：答案未给出选项字母；请选择正确选项。"),
    UP_KEY_NO_TESTS("{0}: the key has no test cases, so programs cannot be run; add some.",
            "{0}：答案没有测试用例，程序无法运行；请添加。"),
    UP_KEY_EXAMPLES_AS_TESTS("{0}: the key has no test cases; the {1} example(s) of the problem statement are used as "
            + "tests; add more.", "{0}：答案没有测试用例；题目中的 {1} 个示例被用作测试；请再添加一些。"),
    UP_DUPLICATE_ID("{0}: student id {1} is also in {2}; one student: {3} is graded, {4} is kept beside it.",
            "{0}：学号 {1} 也出现在 {2} 中；按同一名学生处理：批改 {3}，{4} 作为另一份提交保留。"),
    UP_DUPLICATE_ID_KEPT_BOTH("{0}: student id {1} is also in {2}, but the files are named for different students; "
            + "kept both ({3}).", "{0}：学号 {1} 也出现在 {2} 中，但两个文件名指向不同的学生；两份都已保留（{3}）。"),
    UP_DUPLICATE_ID_SAME_TEXT("{0}: student id {1} is also in {2}, with the same text; {3} is graded.",
            "{0}：学号 {1} 也出现在 {2} 中，内容相同；批改 {3}。"),
    UP_NO_NUMBERING_SPLIT("No numbering found: {0} split the document into {1} problems (LLM-assisted; check them).",
            "未找到题号：{0} 把文档拆成了 {1} 道题（大模型辅助；请核对）。"),
    UP_NO_NUMBERING_NO_SPLIT("No numbering found, and the LLM could not split the document ({0}); it stays one "
            + "problem.", "未找到题号，大模型也未能拆分文档（{0}）；整个文档仍作为一道题。"),
    UP_ANSWERS_SPLIT("{0}: answers split by {1} (LLM-assisted; check them).", "{0}：作答由 {1} 拆分（大模型辅助；请核对）。"),
    UP_ANSWERS_NOT_SPLIT("{0}: the LLM could not split the answers ({1}); they stay unsegmented for you to split.",
            "{0}：大模型未能拆分作答（{1}）；作答保持未拆分，请您拆分。"),
    ARCHIVE_INCOMPLETE("{0} is damaged or not a complete archive ({1}). Re-create it and upload it again.",
            "{0} 已损坏或不是完整的压缩包（{1}）。请重新打包后再上传。"),
    ARCHIVE_NOT_ZIP("{0} is damaged or not a zip archive ({1}). Re-create it and upload it again.",
            "{0} 已损坏或不是 ZIP 压缩包（{1}）。请重新打包后再上传。"),
    ARCHIVE_BAD_RAR("{0} is a damaged or unsupported RAR archive ({1}). Re-create it, or use zip.",
            "{0} 是损坏的或不支持的 RAR 压缩包（{1}）。请重新打包，或改用 ZIP。"),
    ARCHIVE_ENCRYPTED("{0} is password-protected. SmarTAI cannot open encrypted archives: re-create it without a "
            + "password.", "{0} 有密码保护。SmarTAI 无法打开加密的压缩包：请不设密码重新打包。"),
    // {2} is the setting that holds the limit, {3} the limit.
    ARCHIVE_ENTRY_CLAIMS("{0}: {1} claims {4} bytes exceeds the limit {2} = {3}. "
            + "Split the archive, or raise the limit if this is genuine.",
            "{0}：{1} 声称有 {4} 字节，超过了上限 {2} = {3}。请拆分压缩包；如确有需要，可提高上限。"),
    ARCHIVE_MORE_FILES("{0}: more than {3} files exceeds the limit {2} = {3}. "
            + "Split the archive, or raise the limit if this is genuine.",
            "{0}：文件多于 {3} 个，超过了上限 {2} = {3}。请拆分压缩包；如确有需要，可提高上限。"),
    ARCHIVE_ENTRY_EXPANDS("{0}: {1} expands past {3} bytes exceeds the limit {2} = {3}. "
            + "Split the archive, or raise the limit if this is genuine.",
            "{0}：{1} 解压后超过 {3} 字节，超过了上限 {2} = {3}。请拆分压缩包；如确有需要，可提高上限。"),
    ARCHIVE_FILES_EXPAND("{0}: the files expand past {3} bytes exceeds the limit {2} = {3}. "
            + "Split the archive, or raise the limit if this is genuine.",
            "{0}：文件解压后超过 {3} 字节，超过了上限 {2} = {3}。请拆分压缩包；如确有需要，可提高上限。"),
    ARCHIVE_SKIPPED_METHOD("{0}: skipped {1} (compression method {2} is not supported).",
            "{0}：已跳过 {1}（不支持压缩方式 {2}）。"),
    ARCHIVE_PARTLY_READ("{0} is damaged ({1}): read {2} file(s) before the damage; students after it may be missing.",
            "{0} 已损坏（{1}）：损坏处之前读取了 {2} 个文件；其后的学生可能缺失。"),
    ARCHIVE_TOO_DEEP("skipped {0}: archives nested deeper than {1} level(s) are not expanded.",
            "已跳过 {0}：嵌套超过 {1} 层的压缩包不会展开。"),
    ARCHIVE_ENTRY_ESCAPES("{0}: skipped entry '{1}': its path leaves the archive.", "{0}：已跳过条目“{1}”：其路径指向压缩包之外。"),
    DOC_OLD_WORD("{0}: old Word .doc files are not supported; save it as .docx or .pdf.",
            "{0}：不支持旧版 Word 的 .doc 文件；请另存为 .docx 或 .pdf。"),
    DOC_BINARY("{0}: this is not a text, PDF or Word document.", "{0}：这不是文本、PDF 或 Word 文档。"),
    DOC_PDF_NO_TEXT("{0}: the PDF has no text layer (a scan?). Upload a PDF with text, or the text itself.",
            "{0}：该 PDF 没有文字层（是扫描件吗？）。请上传带文字的 PDF，或直接上传文字。"),
    DOC_PDF_PASSWORD("{0}: the PDF is password-protected.", "{0}：该 PDF 有密码保护。"),
    DOC_PDF_SLOW("{0}: reading the PDF took longer than {1} s; it may be damaged or built to be slow. Upload its text "
            + "instead.", "{0}：读取该 PDF 超过了 {1} 秒；它可能已损坏或被故意做得很慢。请改为上传其文字。"),
    DOC_PDF_UNREADABLE("{0}: not a readable PDF ({1}).", "{0}：不是可读取的 PDF（{1}）。"),
    DOC_NOT_WORD("{0}: not a Word document (no word/document.xml inside).", "{0}：不是 Word 文档（其中没有 word/document.xml）。"),
    DOC_WORD_UNREADABLE("{0}: not a readable Word document ({1}).", "{0}：不是可读取的 Word 文档（{1}）。"),

    // Jobs.
    JOB_UNEXPECTED("An unexpected error stopped this job (reference {0} in the server log). Nothing stored before it "
            + "was lost.", "一个意外错误中止了此后台任务（服务器日志中的编号 {0}）。此前保存的内容没有丢失。"),
    JOB_NOT_GRADED("{0} / {1}: not graded ({2})", "{0} / {1}：未评分（{2}）"),
    JOB_SET_ASIDE("{0} / {1}: set aside for the teacher ({2})", "{0} / {1}：已留给老师处理（{2}）"),
    JOB_SET_ASIDE_AFTER("{0} / {1}: set aside after {2} failed attempts ({3})", "{0} / {1}：失败 {2} 次后已留给老师处理（{3}）"),
    // What a running job is at, on its progress line.
    JOB_AT_UNIT("{0} / {1} / {2}", "{0} / {1} / {2}"),
    JOB_PANEL("LLM panel: {0} expert(s), judge {1}", "大模型评审：{0} 位专家，裁判 {1}"),
    JOB_COPIES("{0}: {1} and {2} are near-identical ({3} %).", "{0}：{1} 与 {2} 几乎相同（{3}%）。"),

    // Errors: the contract's {"error", "message"} bodies.
    ERR_NOT_FOUND("{0} '{1}' does not exist.", "{0}“{1}”不存在。"),
    THING_TASK("Task", "作业"),
    THING_JOB("Job", "后台任务"),
    THING_PROBLEM("Problem", "题目"),
    THING_STUDENT("Student", "学生"),
    THING_PROVIDER("Provider", "模型提供方"),
    THING_USER("User", "用户"),
    THING_MEMBER("Member", "成员"),
    THING_INVITATION("Invitation", "邀请"),
    THING_REVIEW_GROUP("Review group", "复核分组"),
    THING_RELEASE_LINK("Release link", "发布链接"),
    THING_RELEASE_LINK_OF_STUDENT("Release link of student", "学生的发布链接"),
    ERR_NOTHING_AT("Nothing is at {0}.", "{0} 处什么也没有。"),
    ERR_METHOD_NOT_ALLOWED("This method is not allowed on {0}.", "{0} 不允许这种请求方法。"),
    ERR_MEDIA_TYPE("The content type of the request is not accepted by {0}.", "{0} 不接受该请求的内容类型。"),
    ERR_LOG_IN("Log in first: send 'Authorization: Bearer <token>' from POST /api/auth/login.",
            "请先登录：发送来自 POST /api/auth/login 的 'Authorization: Bearer <token>'。"),
    ERR_TOKEN("The bearer token is unknown, expired or revoked: log in again.", "令牌未知、已过期或已吊销：请重新登录。"),
    ERR_FORBIDDEN("Your account is not allowed to do this.", "您的账户无权执行此操作。"),
    ERR_INTERNAL("Something went wrong on the server (incident {0}). Nothing you sent was lost; try again.",
            "服务器出错了（事件编号 {0}）。您发送的内容没有丢失；请重试。"),
    ERR_UPLOAD_TOO_LARGE("The upload is {0} MB; the limit is {1} MB. Split the archive, or ask the administrator to "
            + "raise SMARTAI_UPLOAD_LIMIT.", "上传文件为 {0} MB；上限是 {1} MB。请拆分压缩包，或请管理员提高 SMARTAI_UPLOAD_LIMIT。"),
    ERR_PROBLEMS_MISSING("{0}: upload the problem set first, so the answers can be matched to its problems.",
            "{0}：请先上传题目，作答才能对应到题目。"),
    ERR_EMPTY_FILE("{0} is empty.", "{0} 是空文件。"),
    ERR_SUBMISSIONS_TYPE("{0}: submissions must be an archive (.zip .rar .7z .tar .tar.gz .tgz) or one "
            + ".txt/.md/.pdf/.docx file.", "{0}：答卷必须是压缩包（.zip .rar .7z .tar .tar.gz .tgz）或单个 .txt/.md/.pdf/.docx 文件。"),
    ERR_PROBLEMS_TYPE("{0}: the problem set must be .txt, .md, .pdf or .docx.", "{0}：题目文件必须是 .txt、.md、.pdf 或 .docx。"),
    ERR_KEY_TYPE("{0}: the answer key must be .txt, .md, .pdf or .docx.", "{0}：答案文件必须是 .txt、.md、.pdf 或 .docx。"),
    ERR_JOB_NOT_PAUSED("Job {0} is {1}, not paused: only a paused job can be resumed.",
            "后台任务 {0} 的状态是{1}，没有暂停：只有暂停的后台任务才能继续。"),
    ERR_JOB_FINISHED("Job {0} has already {1}.", "后台任务 {0} 已结束（{1}）。"),
    JOB_STATE_QUEUED("queued", "排队中"),
    JOB_STATE_RUNNING("running", "运行中"),
    JOB_STATE_PAUSED("paused", "已暂停"),
    JOB_STATE_SUCCEEDED("succeeded", "已完成"),
    JOB_STATE_FAILED("failed", "失败"),
    JOB_STATE_CANCELLED("cancelled", "已取消"),
    ERR_JOB_PAUSED("Job {0} is already paused.", "后台任务 {0} 已经暂停。"),
    ERR_JOB_JUST_FINISHED("Job {0} has just finished.", "后台任务 {0} 刚刚结束。"),
    ERR_NOTHING_TO_GRADE("Upload the problem set and the students' answers before grading.", "评分前请先上传题目和学生作答。"),
    ERR_GRADING_RUNNING("Task {0} is already being graded (job {1}).", "作业 {0} 正在评分中（后台任务 {1}）。"),
    ERR_OWNER_ONLY("Only the task's owner can do this.", "只有作业的所有者才能这样做。"),
    ERR_TA_CREATES("A teaching assistant cannot create tasks: a teacher creates the task and invites you to it.",
            "助教不能创建作业：由老师创建作业并邀请您加入。"),
    ERR_STUDENT_EXISTS("id: student {0} already exists in this task.", "学号：学生 {0} 在本作业中已存在。"),
    ERR_NOT_OPTIONS("correctChoices: {0} are not all options of {1} {2}.", "正确选项：{0} 并不都是 {1} 的选项 {2}。"),
    ERR_REGISTRATION_CLOSED("Registration is closed: ask an administrator to create your account.",
            "注册已关闭：请让管理员为您创建账户。"),
    ERR_USERNAME_TAKEN("username: '{0}' is already taken.", "用户名：“{0}”已被占用。"),
    ERR_FIRST_ACCOUNT_TAKEN("Another account was just created as the administrator. Sign in, or ask the "
            + "administrator to create your account.", "刚刚已有另一个账户成为管理员。请登录，或让管理员为您创建账户。"),
    ERR_WRONG_LOGIN("Wrong username or password.", "用户名或密码错误。"),
    ERR_ACCOUNT_GONE("This account no longer exists.", "该账户已不存在。"),
    ERR_SELF_DISABLE("You cannot disable your own account.", "您不能停用自己的账户。"),
    ERR_SELF_ROLE("role: you cannot change your own role.", "角色：您不能更改自己的角色。"),
    ERR_WRONG_PASSWORD("current: the current password is not right.", "当前密码：当前密码不正确。"),
    ERR_LOGIN_WAIT_MINUTE("Too many failed logins. Try again in a minute.", "登录失败次数过多。请一分钟后再试。"),
    ERR_LOGIN_WAIT_MINUTES("Too many failed logins. Try again in {0} minutes.", "登录失败次数过多。请 {0} 分钟后再试。"),
    ERR_ROSTER_TOO_LONG("{0}: {1} students; a roster holds at most {2}.", "{0}：{1} 名学生；名单最多 {2} 名。"),
    ERR_ROSTER_EMPTY("{0}: the roster is empty.", "{0}：名单是空的。"),
    ERR_ROSTER_NO_COLUMNS("{0}: no column for the student id or the name in the header {1}. Name them e.g. "
            + "\"student_id\" / \"学号\" and \"name\" / \"姓名\".",
            "{0}：表头 {1} 中没有学号列或姓名列。请将它们命名为例如“学号”和“姓名”。"),
    // {1} is the reader's own error.
    ERR_ROSTER_CSV("{0}: not a readable CSV file: {1}", "{0}：不是可读取的 CSV 文件：{1}"),
    ERR_ROSTER_XLSX("{0}: not a readable XLSX file: {1}", "{0}：不是可读取的 XLSX 文件：{1}"),
    ERR_ROSTER_PART("Send the roster as multipart/form-data in a part named 'file'.",
            "请以 multipart/form-data 格式、在名为 'file' 的部分中发送名单。"),
    ERR_FILE_PART("Send the file as multipart/form-data in a part named 'file'.",
            "请以 multipart/form-data 格式、在名为 'file' 的部分中发送文件。"),
    ERR_REPORT_FONT("The report font {0} (smartai.report.cjk-font) could not be loaded: {1}",
            "无法加载报告字体 {0}（smartai.report.cjk-font）：{1}"),
    ERR_NO_CJK_FONT("No font for Chinese text was found, so PDF reports cannot be written. Install one (apt-get "
            + "install fonts-noto-cjk) or set SMARTAI_REPORT_CJK_FONT. Tried: {0}",
            "未找到能显示中文的字体，因此无法生成 PDF 报告。请安装一种（apt-get install fonts-noto-cjk），"
                    + "或设置 SMARTAI_REPORT_CJK_FONT。已尝试：{0}"),
    ERR_BASE_URL("baseUrl: {0}", "接口地址：{0}"),
    BASE_URL_NOT_URL("not a URL ({0})", "不是 URL（{0}）"),
    BASE_URL_SCHEME("must be an http:// or https:// URL", "必须是 http:// 或 https:// 开头的 URL"),
    BASE_URL_NO_HOST("has no host name or address", "没有主机名或地址"),
    BASE_URL_PRIVATE("{0} is not a public internet address, and this server does not allow private or reserved ones "
            + "for providers (an administrator can allow a host with SMARTAI_LLM_ALLOWED_HOSTS)",
            "{0} 不是公网地址，本服务器不允许模型提供方使用私有或保留地址（管理员可用 SMARTAI_LLM_ALLOWED_HOSTS 放行某个主机）"),
    ERR_TOO_MANY_TESTS("You can run {0} provider tests a minute. Try again in {1} s.",
            "每分钟最多可测试模型提供方 {0} 次。请 {1} 秒后再试。"),
    ERR_PROVIDERS_BUSY("The server is running as many provider calls as it allows. Try again in {0} s.",
            "服务器同时进行的模型调用已达上限。请 {0} 秒后再试。"),
    ERR_NO_PROVIDER_SUMMARY("Add and enable an AI provider in Settings to summarise mistakes; the counts above need "
            + "none.", "要总结常见错误，请在设置中添加并启用一个 AI 模型提供方；上面的统计不需要它。"),
    LLM_UNREACHABLE("{0}: could not reach the provider (no HTTP answer within {1} s)",
            "{0}：无法连接模型提供方（{1} 秒内没有 HTTP 应答）"),
    ERR_BACKUP_POSTGRES("this server uses PostgreSQL: back it up with pg_dump and keep the master key beside it "
            + "(docs/deployment.md)", "本服务器使用 PostgreSQL：请用 pg_dump 备份，并把主密钥与备份放在一起（docs/deployment.md）"),
    ERR_SCORE_ABOVE_MAX("score: {0} is more than the maximum {1} of {2}.", "分数：{0} 超过了 {2} 的满分 {1}。"),
    ERR_NOT_IN_GROUP("studentIds: {0} is not in group {1} of {2}.", "学生：{0} 不在 {2} 的分组 {1} 中。"),
    ERR_SCORE_OR_ITEMS("Send either score or rubricItems for the group's grade, not both and not neither.",
            "请为该组给出分数或评分细则项，二者选其一。"),
    ERR_NOT_A_RUBRIC_ITEM("rubricItems: '{0}' is not an item of {1}'s rubric (use its number from 1 to {2} or its "
            + "description).", "评分细则项：“{0}”不是 {1} 的评分细则项（请用 1 到 {2} 的编号或其描述）。"),
    ERR_NO_JUDGE("settings.judgeProviderId: no provider {0}", "评审模型：没有模型提供方 {0}"),
    // Bean Validation's own English for its constraints, word for word; {0} is the field.
    V_NOT_BLANK("{0}: must not be blank", "{0}：不能为空"),
    V_NOT_NULL("{0}: must not be null", "{0}：不能为空"),
    V_SIZE("{0}: size must be between {1} and {2}", "{0}：长度必须在 {1} 到 {2} 之间"),
    V_AT_LEAST("{0}: must be greater than or equal to {1}", "{0}：必须大于或等于 {1}"),
    V_AT_MOST("{0}: must be less than or equal to {1}", "{0}：必须小于或等于 {1}"),
    V_POSITIVE("{0}: must be greater than 0", "{0}：必须大于 0"),
    V_POSITIVE_OR_ZERO("{0}: must be greater than or equal to 0", "{0}：必须大于或等于 0"),
    V_PATTERN("{0}: must match \"{1}\"", "{0}：必须符合格式“{1}”"),
    V_FUTURE("{0}: must be a future date", "{0}：必须是将来的时间"),
    // The request records' own constraint messages.
    V_PASSWORD_SHORT("{0}: must be at least 10 characters", "{0}：至少需要 10 个字符"),
    V_USERNAME_CHARACTERS("{0}: may contain only letters, digits and . _ @ -", "{0}：只能包含字母、数字和 . _ @ -"),
    V_NO_SLASHES("{0}: must not contain slashes", "{0}：不能包含斜杠"),
    // Fields a teacher's form sends, as a refusal names them.
    FIELD_NAME("name", "名称"),
    FIELD_USERNAME("username", "用户名"),
    FIELD_PASSWORD("password", "密码"),
    FIELD_CURRENT_PASSWORD("current", "当前密码"),
    FIELD_DISPLAY_NAME("displayName", "显示名称"),
    FIELD_STUDENT_ID("id", "学号"),
    FIELD_TEXT("text", "文字"),
    FIELD_SCORE("score", "分数"),
    FIELD_COMMENT("comment", "评语"),
    FIELD_API_KEY("apiKey", "API 密钥"),
    FIELD_MODEL("model", "模型"),
    FIELD_BASE_URL("baseUrl", "接口地址"),
    FIELD_QUESTION("question", "问题"),
    FIELD_EXPIRES_AT("expiresAt", "过期时间"),
    FIELD_STEM("stem", "题干"),
    FIELD_REFERENCE_ANSWER("referenceAnswer", "参考答案"),
    FIELD_MAX_SCORE("maxScore", "满分"),
    FIELD_PASS_THRESHOLD("settings.passThreshold", "及格线"),
    FIELD_LLM_SAMPLES("settings.llmSamples", "评审次数"),
    FIELD_MAX_CONCURRENT("maxConcurrent", "最大并发数"),
    FIELD_RPM("rpm", "每分钟请求数"),
    FIELD_REQUEST_BODY("request body", "请求内容"),

    // Flags on a student, after the flag's name (its own text on a page).
    FLAG_IDENTITY_CONFLICT("identity-conflict: file name says {0}, the answer sheet says {1}",
            "身份冲突：文件名为 {0}，答卷上写的是 {1}"),
    FLAG_DUPLICATE_ID("duplicate-id: {0} is also in {1}", "学号重复：{0} 也出现在 {1} 中"),
    FLAG_DUPLICATE_ID_SAME("duplicate-id: {0} is also in {1} (the same text)", "学号重复：{0} 也出现在 {1} 中（内容相同）"),
    FLAG_DUPLICATE_ID_OTHER("duplicate-id: {0} is also in {1} (an other submission, not graded)",
            "学号重复：{0} 也出现在 {1} 中（另一份提交，未评分）"),
    FLAG_UNREADABLE_FILE("unreadable-file: {0}", "文件无法读取：{0}"),
    FLAG_LLM_SEGMENTED("llm-segmented: {0}", "由大模型分题：{0}"),

    // The teacher UI's own, when the backend sent no error body or could not be reached.
    ERR_BACKEND_STATUS("The backend answered {0}.", "评分服务返回了 {0}。"),
    ERR_BACKEND_UNREACHABLE("The grading service at {0} cannot be reached. Check that it is running.",
            "无法连接位于 {0} 的评分服务。请检查它是否在运行。");

    private static final Map<String, MessageCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(MessageCode::code, Function.identity()));

    private final String en;
    private final String zh;

    MessageCode(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    /** The wire name: {@code REVIEW_BLANK} → {@code review-blank}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String text(String lang) {
        return "zh".equals(lang) ? zh : en;
    }

    public static Optional<MessageCode> of(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
