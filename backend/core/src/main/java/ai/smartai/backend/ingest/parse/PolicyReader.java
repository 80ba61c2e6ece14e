package ai.smartai.backend.ingest.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;

/**
 * Reads the grading rules a key states in words ("不得使用 sorted()", "units within 2 %", "0.5-point steps") into typed
 * {@link KeyPolicy}s. A line is a policy only when it names the rule; the rest of the key is left alone.
 */
public final class PolicyReader {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "(不得使用|不允许使用|禁止使用|不能使用|不准使用|不可使用|不得调用|禁止调用|must not use|may not use|mustn't use|"
                    + "cannot use|can't use|not allowed to use|not be used|do not use|don't use|without using|forbidden|"
                    + "is not allowed|are not allowed|prohibited)",
            Pattern.CASE_INSENSITIVE);
    /** "A wrong signature costs 2 points", "函数名或参数类型与题目不符扣 2 分". */
    private static final Pattern SIGNATURE = Pattern.compile("(?i)(wrong|different|incorrect|another)\\s+(signature|"
            + "(method|function)\\s+name)|(method|function)\\s+name\\s+(that is\\s+)?(different|other) than|"
            + "(method|function)\\s+name\\s+different from|signature\\s+(is\\s+)?(wrong|differs)|(函数名|方法名|函数签名|方法签名|参数类型)"
            + ".{0,20}(不符|不同|错误|不一致|不是|不为)");
    private static final Pattern COST = Pattern
            .compile("(?i)(?:costs?|deduct(?:ed|s)?|loses?|minus|扣)\\s*(\\d+(?:\\.\\d+)?)"
                    + "\\s*(?:points?|pts?|marks?|分)");
    /** "Printing instead of returning: … gets 5 points instead of 0", "用 print 代替 return …得 5 分". */
    private static final Pattern PRINTED = Pattern.compile("(?i)print(s|ing|ed)?\\s+(the result\\s+)?instead of\\s+"
            + "return|打印.{0,6}(而不是|代替|而非)\\s*返回|用\\s*print\\s*代替\\s*return");
    private static final Pattern PRINTED_SCORE = Pattern.compile("(?i)(?:gets?|earns?|scores?|得)\\s*(\\d+(?:\\.\\d+)?)"
            + "\\s*(?:points?|pts?|marks?|分)");
    /** "Using `X` (…): −5", "Changing the caller's list (e.g. `xs.sort()`): −3", "Using `numpy`: 0 points". */
    private static final Pattern PENALISED_USE = Pattern.compile("(?i)(?:using|use of|calling|changing|modifying|"
            + "使用|调用|修改)\\b?.*`[^`]+`.*?[:：]\\s*(?:[−–-]\\s*(\\d+(?:\\.\\d+)?)\\b|0\\s*(?:points?|分)).*");
    private static final Pattern ANY_ORDER = Pattern.compile("(顺序不限|不考虑(?:元素|键)?的?顺序|不计顺序|不论顺序|任意顺序|顺序任意|"
            + "顺序无关|in any order|order does not matter|order doesn't matter|regardless of (?:the )?order|"
            + "order is not important)", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIT = Pattern.compile("(单位|units?\\b|significant figures|有效数字)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOLERANCE = Pattern.compile("(误差|容差|容许|允许|扣|tolerance|within|±|\\+/-|deduct|lose|"
            + "missing|wrong|错误|缺)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*[%％]");
    private static final Pattern EXTRA_OUTPUT = Pattern.compile("(多余(的)?输出|额外(的)?输出|多余(的)?空行|行末空格|多余空格|"
            + "extra output|extra lines?|additional output|trailing (white ?space|spaces|newlines?)|extra (blank )?lines)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CARRIED = Pattern.compile("(带入|代入前|沿用|延续|连带|后续步骤|前面的错误|前一步(的)?错误|carried|"
            + "carry(ing)? (forward|over)|follow[- ]through|error carried|consequential|ecf\\b|\\bown (earlier )?value)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANSWER_LABEL = Pattern.compile("(?i)(?:答案|answer)\\s*(?:\\*\\*)?\\s*[:：]");
    /** "少选得2分", "漏选给 1 分", "选对但不全得 2 分": what some of the right options, and no wrong one, earn. */
    private static final Pattern CHOICE_SUBSET = Pattern.compile(
            "(?:少选|漏选|选不全|选对但不全|部分选对)[^，,。;；\\d]{0,4}?(?:得|给|记)\\s*(\\d+(?:\\.\\d+)?)\\s*分");
    /**
     * "each wrong or missing option −2", "每错选或漏选一项扣 2 分", "-2 for each correct option not selected": points off
     * per letter.
     */
    private static final Pattern CHOICE_PER_OPTION = Pattern.compile(
            "(?i)each\\s+(?:wrong|incorrect)(?:\\s+or\\s+missing)?\\s+(?:option|letter|choice)s?[^.;\\d]{0,12}?[−–-]\\s*"
                    + "(\\d+(?:\\.\\d+)?)|每(?:错选|漏选|错选或漏选|漏选或错选)(?:一项|一个|一个选项)?扣\\s*(\\d+(?:\\.\\d+)?)\\s*分"
                    // "2 points per option classified correctly (a true option selected, a false one not)": the same
                    // rule counted up, when the options times the points make the problem's.
                    + "|(\\d+(?:\\.\\d+)?)\\s*(?:points?|pts?|marks?)\\s+(?:per|for each|each)\\s+(?:option|letter|choice)"
                    + "\\s+(?:classified|judged|marked|answered)\\s+correctly"
                    + "|每个?选项判断正确(?:得|给)\\s*(\\d+(?:\\.\\d+)?)\\s*分"
                    // "-2 for each correct option not selected and for each false option selected".
                    + "|[−–-]\\s*(\\d+(?:\\.\\d+)?)\\s*(?:points?|pts?|marks?)?\\s+(?:for\\s+)?each\\s+(?:correct|true|right|"
                    + "wrong|false|incorrect|missing|missed)\\s+(?:option|letter|choice)");
    private static final Pattern PARTIAL = Pattern.compile("(部分分|部分得分|酌情给分|酌情扣分|步骤分|按步骤给分|partial credit|"
            + "partial marks|part marks|partially correct|method marks)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STEP = Pattern.compile("(0\\.5\\s*分|半分|0\\.5[- ]?(point|mark)s?|half[- ]points?|"
            + "(in|to) (steps|multiples|increments) of 0\\.5|精确到\\s*0\\.5|以\\s*0\\.5\\s*分为)", Pattern.CASE_INSENSITIVE);
    private static final Pattern STEP_WORDS = Pattern.compile("(粒度|为单位|给分|评分|记分|steps?|multiples?|increments?|granular|"
            + "rounded|round|awarded|given|scores?|marks)", Pattern.CASE_INSENSITIVE);
    /** "输出按行比较", "must match the expected output exactly": the output is compared as printed. */
    private static final Pattern EXACT = Pattern.compile("(exact(ly)?\\b|完全一致|完全相同|一字不差|逐字|按行比较|逐行比较|"
            + "line by line|character for character)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTPUT = Pattern.compile("(output|输出)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_REQUIRED = Pattern.compile("(need not|needn't|does not have to|do not have to|"
            + "不必|不要求|无需|不需要)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROMPT = Pattern.compile("(提示文字|提示语|提示信息|提示符|输入提示|\\bprompts?\\b(?! deduction))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROMPT_DEDUCTION = Pattern.compile(
            "(?:扣|deduct|lose|minus|penalty of)\\s*\\**\\s*(\\d+(?:\\.\\d+)?)\\s*\\**\\s*(?:分|points?|pts?|marks?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROMPT_FAILS = Pattern.compile("(输出不符|不符|不通过|不得分|算错|wrong output|"
            + "fails? the test|the test fails|makes the test fail|counts? as wrong)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROMPT_TOLERATED = Pattern.compile("(不扣分|no deduction|not penali[sz]ed|ignored|忽略)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NO_PARTIAL = Pattern
            .compile("(no partial (credit|marks)|not give partial (credit|marks)|"
                    + "without partial (credit|marks)|不给部分分|没有部分分|不给步骤分|不设部分分)", Pattern.CASE_INSENSITIVE);
    /** An efficiency rule: a complexity bound or words for one, with a deduction or the word requirement. */
    private static final Pattern COMPLEXITY = Pattern.compile("(?i)(\\bO\\([^)]{1,30}\\)|asymptotic|time complexity|"
            + "linear time|quadratic|复杂度|线性时间)");
    private static final Pattern COMPLEXITY_RULE = Pattern.compile("(?i)(requirement|required|must run|checked by "
            + "reading|slower|要求|必须)");
    /**
     * "Any import, eval/exec, a call of sorted() …: 0 points": uses that cost the whole problem, listed before the
     * score.
     */
    private static final Pattern ZERO_FOR_USE = Pattern.compile("(?i)\\b(?:any|using|use of|calling|a call of)\\b"
            + "([^:：]{3,300})[:：]\\s*0\\s*(?:points?|pts?|marks?|分)");
    /** Bare names a rule may forbid without writing them as calls. */
    private static final Pattern DANGEROUS_WORD = Pattern.compile("\\b(import|eval|exec|subprocess|socket)\\b");
    /**
     * "选择、填空只看结果，不看过程", "Blanks: only the result is graded", "no working is required": problems judged by the
     * result alone. "只写结果…只给结果分" says what a bare result earns, which is no such rule.
     */
    private static final Pattern RESULT_ONLY = Pattern.compile("(只看结果|只看答案|只评结果|只按结果给分|不看过程|不要求(写出)?过程|"
            + "无需(写出)?过程|only the (final )?(result|answer) (is|are) (graded|marked|checked|counted)|"
            + "(graded|marked) on the (final )?(result|answer) (alone|only)|no working (is )?(required|needed|expected)|"
            + "working is not (graded|marked|required|needed))", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILL_IN = Pattern.compile("(填空|blanks?\\b|fill[- ]in)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHOICE = Pattern.compile("(选择|choices?\\b|multiple[- ]choice)",
            Pattern.CASE_INSENSITIVE);
    /** A rule line that ends mid-sentence, as a PDF's wrapped lines do: its next line continues it. */
    private static final Pattern MID_SENTENCE = Pattern.compile(".*[^.。!?！？:：;；]\\s*$");
    /** A numbered or bulleted rule, whose indented continuation lines belong to it. */
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:\\d{1,2}[.)、]|[-*•])\\s+\\S.*");
    /** Whole points only: a step of 1. */
    private static final Pattern WHOLE = Pattern
            .compile("(whole (points?|marks?|numbers?) only|only whole (points|marks)|"
                    + "in whole (points|marks)|整数分|按整分|只给整分)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]{1,60})`");
    private static final Pattern BUILTIN_METHOD = Pattern.compile("(?:list|str|dict|set|tuple|String|List|"
            + "ArrayList)\\.(\\w+)\\(\\)");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][\\w.]*(?:\\(\\))?)");

    private PolicyReader() {
    }

    /**
     * The policies a rule states: the output rules (prompt text, exact output) a line about a program's output can
     * state together, else at most one policy.
     */
    public static List<KeyPolicy> readAll(String raw) {
        String line = plain(raw);
        if (line.isEmpty() || line.length() > MAX_RULE || RUBRIC_LINE.matcher(line).lookingAt()) {
            return List.of();
        }
        List<KeyPolicy> out = new ArrayList<>();
        Optional<KeyPolicy> prompt = prompt(line);
        prompt.ifPresent(out::add);
        boolean exact = EXACT.matcher(line).find() && OUTPUT.matcher(line).find() && !NOT_REQUIRED.matcher(line).find();
        if (exact) {
            out.add(new KeyPolicy(PolicyKind.EXACT_OUTPUT, line, null, List.of()));
        }
        // An output rule says what extra output costs; the prompts it quotes ("Enter n: ") are no forbidden calls.
        read(line).filter(p -> !(p.kind() == PolicyKind.EXTRA_OUTPUT && !out.isEmpty()))
                .filter(p -> !(p.kind() == PolicyKind.FORBIDDEN_OPERATION && prompt.isPresent())).ifPresent(out::add);
        return out;
    }

    /**
     * "(5 points) printing only writes text…; the caller cannot use the value": a rubric line that gives its points
     * first, whatever its words say, is the rubric's, not a rule.
     */
    private static final Pattern RUBRIC_LINE = Pattern.compile(
            "^[(（]\\s*\\d+(?:\\.\\d+)?\\s*(?:points?|pts?|marks?|分)\\s*[)）]", Pattern.CASE_INSENSITIVE);

    /** A rule's text is at most this long: longer text is prose about many things. */
    private static final int MAX_RULE = 800;

    private static String plain(String raw) {
        return raw.strip().replaceFirst("^[-*•·>]+\\s*", "").replace("**", "").strip();
    }

    /** What prompt text costs: a stated deduction, the test, or nothing; empty when the line does not say. */
    private static Optional<KeyPolicy> prompt(String line) {
        if (!PROMPT.matcher(line).find()) {
            return Optional.empty();
        }
        Matcher deduction = PROMPT_DEDUCTION.matcher(line);
        if (deduction.find()) {
            return Optional.of(new KeyPolicy(PolicyKind.PROMPT_TEXT, line, Double.parseDouble(deduction.group(1)),
                    List.of()));
        }
        if (PROMPT_FAILS.matcher(line).find()) {
            return Optional.of(new KeyPolicy(PolicyKind.PROMPT_TEXT, line, null, List.of()));
        }
        if (PROMPT_TOLERATED.matcher(line).find()) {
            return Optional.of(new KeyPolicy(PolicyKind.PROMPT_TEXT, line, 0.0, List.of()));
        }
        return Optional.empty();
    }

    /** The policy a line states, if it states one. */
    public static Optional<KeyPolicy> read(String raw) {
        String line = plain(raw);
        if (line.isEmpty() || line.length() > MAX_RULE) {
            return Optional.empty();
        }
        if (SIGNATURE.matcher(line).find()) {
            Matcher cost = COST.matcher(line);
            if (cost.find()) {
                return Optional.of(new KeyPolicy(PolicyKind.SIGNATURE, line, Double.valueOf(cost.group(1)), List.of()));
            }
        }
        if (PRINTED.matcher(line).find()) {
            Matcher gets = PRINTED_SCORE.matcher(line);
            return Optional.of(new KeyPolicy(PolicyKind.PRINTED_RESULT, line,
                    gets.find() ? Double.valueOf(gets.group(1)) : null, List.of()));
        }
        Matcher penalised = PENALISED_USE.matcher(line);
        if (penalised.matches()) {
            // "Using `Collections.reverse`: −5": a use the key charges for names what to look for in the code.
            List<String> terms = terms(line, penalised);
            if (!terms.isEmpty()) {
                return Optional.of(new KeyPolicy(PolicyKind.FORBIDDEN_OPERATION, line,
                        penalised.group(1) == null ? null : Double.valueOf(penalised.group(1)), terms));
            }
        }
        Matcher zero = ZERO_FOR_USE.matcher(line);
        if (zero.find()) {
            List<String> terms = terms(line, zero);
            if (!terms.isEmpty()) {
                return Optional.of(new KeyPolicy(PolicyKind.FORBIDDEN_OPERATION, line, null, terms));
            }
        }
        if (COMPLEXITY.matcher(line).find() && COMPLEXITY_RULE.matcher(line).find()) {
            Matcher cost = COST.matcher(line);
            return Optional.of(new KeyPolicy(PolicyKind.COMPLEXITY, line,
                    cost.find() ? Double.valueOf(cost.group(1)) : null, List.of()));
        }
        Matcher forbidden = FORBIDDEN.matcher(line);
        if (forbidden.find()) {
            List<String> terms = terms(line, forbidden);
            if (!terms.isEmpty()) {
                return Optional.of(new KeyPolicy(PolicyKind.FORBIDDEN_OPERATION, line, null, terms));
            }
        }
        if (RESULT_ONLY.matcher(line).find()) {
            List<String> kinds = new ArrayList<>();
            if (FILL_IN.matcher(line).find()) {
                kinds.add(KeyPolicy.FILL_IN);
            }
            if (CHOICE.matcher(line).find()) {
                kinds.add(KeyPolicy.CHOICE);
            }
            return Optional.of(new KeyPolicy(PolicyKind.RESULT_ONLY, line, null, kinds));
        }
        if (ANY_ORDER.matcher(line).find()) {
            return Optional.of(new KeyPolicy(PolicyKind.ANY_ORDER, line, null, List.of()));
        }
        if (EXTRA_OUTPUT.matcher(line).find()) {
            return Optional.of(new KeyPolicy(PolicyKind.EXTRA_OUTPUT, line, null, List.of()));
        }
        if (STEP.matcher(line).find() && STEP_WORDS.matcher(line).find()) {
            return Optional.of(new KeyPolicy(PolicyKind.GRANULARITY, line, 0.5, List.of()));
        }
        if (WHOLE.matcher(line).find()) {
            return Optional.of(new KeyPolicy(PolicyKind.GRANULARITY, line, 1.0, List.of()));
        }
        if (UNIT.matcher(line).find() && TOLERANCE.matcher(line).find()) {
            Matcher pct = PERCENT.matcher(line);
            Double amount = pct.find() ? Double.parseDouble(pct.group(1)) / 100 : null;
            return Optional.of(new KeyPolicy(PolicyKind.UNIT_TOLERANCE, line, amount, List.of()));
        }
        if (CARRIED.matcher(line).find()) {
            return Optional.of(new KeyPolicy(PolicyKind.CARRIED_ERROR, line, null, List.of()));
        }
        Matcher subset = CHOICE_SUBSET.matcher(line);
        if (subset.find()) {
            return Optional.of(new KeyPolicy(PolicyKind.CHOICE_SUBSET, line, Double.parseDouble(subset.group(1)),
                    List.of()));
        }
        Matcher perOption = CHOICE_PER_OPTION.matcher(line);
        if (perOption.find()) {
            return Optional.of(new KeyPolicy(PolicyKind.CHOICE_PER_OPTION, line,
                    Double.parseDouble(IntStream.rangeClosed(1, perOption.groupCount()).mapToObj(perOption::group)
                            .filter(Objects::nonNull)
                            .findFirst().orElseThrow()),
                    List.of()));
        }
        if (PARTIAL.matcher(line).find() || NO_PARTIAL.matcher(line).find()) {
            return Optional.of(new KeyPolicy(PolicyKind.PARTIAL_CREDIT, line,
                    NO_PARTIAL.matcher(line).find() ? 0.0 : null, List.of()));
        }
        return Optional.empty();
    }

    /** Removes the policy lines from {@code lines} (outside code fences) and returns their policies. */
    static List<KeyPolicy> take(List<String> lines) {
        List<KeyPolicy> out = new ArrayList<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            // A numbered rule wraps over indented lines: it is read, and removed, whole.
            int end = i + 1;
            if (LIST_ITEM.matcher(line).matches()) {
                while (end < lines.size() && !lines.get(end).isBlank() && (lines.get(end).matches("^\\s{2,}\\S.*")
                        || MID_SENTENCE.matcher(lines.get(end - 1)).matches() && !lines.get(end).startsWith("#")
                                && !lines.get(end).contains("|"))
                        && !LIST_ITEM.matcher(lines.get(end)).matches() && !lines.get(end).strip().startsWith("```")) {
                    end++;
                }
            }
            String rule = String.join(" ", lines.subList(i, end).stream().map(String::strip).toList());
            List<KeyPolicy> p = readAll(rule);
            if (!p.isEmpty()) {
                out.addAll(p);
                if (ANSWER_LABEL.matcher(rule).find()) {
                    // "1、答案：BCD（多选）。漏选得5分": the rule stands on the answer's line, which stays the answer.
                    i = end - 1;
                    continue;
                }
                lines.subList(i, end).clear();
                i--;
            } else {
                // A bullet that states no rule is read whole: its wrapped lines are no rules of their own.
                i = end - 1;
            }
        }
        return out;
    }

    /** What a forbidden-operation rule names: code spans, else the calls written after the rule's words. */
    private static List<String> terms(String line, Matcher forbidden) {
        Set<String> terms = new LinkedHashSet<>();
        Matcher code = CODE_SPAN.matcher(line);
        while (code.find()) {
            terms.add(code.group(1).strip());
        }
        if (terms.isEmpty()) {
            String named = forbidden.pattern() == ZERO_FOR_USE ? forbidden.group(1) : line.substring(forbidden.end());
            Matcher call = CALL.matcher(named);
            while (call.find() && terms.size() < 10) {
                String t = call.group(1);
                if (t.endsWith("()") || t.contains(".") || t.contains("_")) {
                    terms.add(t);
                    // "list.sort()" is the method of any list: a student's xs.sort() uses it.
                    Matcher method = BUILTIN_METHOD.matcher(t);
                    if (method.matches()) {
                        terms.add("." + method.group(1) + "(");
                    }
                }
            }
            if (forbidden.pattern() == ZERO_FOR_USE) {
                Matcher word = DANGEROUS_WORD.matcher(named);
                while (word.find()) {
                    terms.add(word.group(1));
                }
            }
        }
        return List.copyOf(terms);
    }
}
