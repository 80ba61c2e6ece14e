package ai.smartai.backend.ingest.parse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.backend.problem.Blanks;
import ai.smartai.model.problem.ProblemType;

/**
 * Decides a problem's type from its stem, with the reason written down so a teacher can see why and change it.
 * Rules are checked in order: options, proof, code, computation, derivation, explanation.
 */
public final class ProblemClassifier {

    public record Classification(ProblemType type, String reason) {
    }

    private static final Pattern PROOF = Pattern.compile("(证明|求证|试证|prove|proof|(?<!or )show that|demonstrate that)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile(
            "(```|编程|程序|代码|编写(一个)?函数|写一个函数|实现一个函数|实现函数|\\bcode\\b|program|"
                    + "(?:输入|输出)样例|样例(?:输入|输出)|标准输入|标准输出|sample\\s+(?:input|output)|\\bstd(?:in|out)\\b|"
                    + "(write|implement)\\s+(a|an|the)\\s+(\\w+\\s+)?(function|method|class|program)|"
                    + "\\b(python|java|c\\+\\+|javascript)\\b|\\bdef\\s+\\w+\\s*\\(|public\\s+\\w+.*\\()",
            Pattern.CASE_INSENSITIVE);
    /** Asks for code to be written, not read. */
    private static final Pattern WRITE = Pattern.compile(
            "(编写|实现|写一个|写出|补全|完成(下面|以下)?的?(函数|程序|代码)|编程题|程序设计|\\bwrite\\b|\\bimplement|\\bcomplete the\\b|"
                    + "\\bcode (a|an|the)\\b)",
            Pattern.CASE_INSENSITIVE);
    /**
     * Code the stem gives to be read: "下面程序段", "以下代码", "该函数", "the following loop", "the code below". A
     * question about it (its output, how often a statement runs, its running time) writes no program.
     */
    private static final Pattern GIVEN_CODE = Pattern.compile(
            "((?:下面|下列|以下|如下|上面|上述|给定|所给|该|这段|这个)的?\\s*(?:这段|这个|一段)?\\s*"
                    + "(?:(?:python|java|c\\+\\+|c|伪)\\s*)?(?:程序段|程序片段|代码段|代码片段|程序|代码|函数|循环|算法)|"
                    + "\\b(?:the\\s+following|the\\s+given|the\\s+above|this)\\s+(?:(?:python|java|c\\+\\+|c|javascript)\\s+)?"
                    + "(?:code|program|function|method|loop|snippet|fragment|pseudocode|procedure)\\b|"
                    + "\\b(?:code|program|function|loop|pseudocode)\\s+(?:below|above|shown)\\b)",
            Pattern.CASE_INSENSITIVE);
    /** Asks to change given code: that is writing code too. */
    private static final Pattern CHANGE = Pattern.compile("(改写|修改|改正|修正|优化|\\brewrite|\\bmodify|\\bfix|\\bdebug|"
            + "\\brefactor)", Pattern.CASE_INSENSITIVE);
    /**
     * A request for an example, with what to show in it: "举一个例子（写出代码和结果）", "give an example (code and its
     * output)". Code asked for there illustrates an explanation; it is not the program the problem asks for.
     */
    private static final Pattern EXAMPLE = Pattern.compile(
            "((?<!列)举[^，,。；;？?！!\\n]{0,30}?例子?|(?:give|provide|show|include)\\s+(?:an?|one)\\s+(?:\\w+\\s+){0,2}?"
                    + "example)[^，,。；;？?！!.\\n(（]*(?:\\s*[(（][^)）]*[)）])?",
            Pattern.CASE_INSENSITIVE);
    /** Asks how two things differ: prose, whatever else the stem asks to judge on the way. */
    private static final Pattern COMPARE = Pattern.compile(
            "(有什么区别|有何区别|有什么不同|有何不同|区别是什么|区别在哪|的区别|\\bdifferences?\\s+between\\b|"
                    + "\\bhow\\s+(?:does|do)\\b[^.?]{0,60}\\bdiffer\\b|\\bdiffers?\\s+from\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUANTITY = Pattern.compile(
            "\\d(?:[\\d.,]*)\\s*(?:m/s\\^?2|m/s²|m/s|km/h|kg|km|cm|mm|m|s|N|J|kJ|W|V|A|Ω|°|Hz|C|K|Pa|mol|g|L|ms)(?![A-Za-z])");
    private static final Pattern LANGUAGE = Pattern.compile("(?i)(python|java|c\\+\\+|javascript)");
    private static final Pattern COMPUTE = Pattern.compile(
            "(计算|求解|求出|求|解方程|解得|化简|积分|导数|微分|估算|evaluate|compute|calculate|solve|integrat|"
                    + "differentiat|simplif|find the value|determine the value|how many|how much|\\bfind\\b|what size|"
                    + "what value|confidence interval|置信区间)",
            Pattern.CASE_INSENSITIVE);
    /** A question whose answer is a number though it reads like prose: "What is the probability that …". */
    private static final Pattern VALUE_ASKED = Pattern.compile(
            "(what (?:is|are) the (?:probability|chance|odds|proportion|percentage|expected value|variance|mean|"
                    + "standard deviation|median)|what (?:proportion|percentage|fraction|share)|"
                    + "(?:概率|比例|期望|方差)(?:是|为)?多少|how (?:fast|far|long|high|quickly|large) (?:is|are|was|will|does|do)\\b|"
                    + "(?:是|为)多少|多快|多远)",
            Pattern.CASE_INSENSITIVE);
    /** "给出下面代码段的时间复杂度", "Give the time complexity of the fragment below": a bound is a value. */
    private static final Pattern BOUND_ASKED = Pattern.compile(
            "(?:给出|求|写出|what is|give|state|determine|find)[^。.?？]{0,40}?(时间复杂度|空间复杂度|time complexity|"
                    + "space complexity|running time)",
            Pattern.CASE_INSENSITIVE);
    /** The first sentence asks to explain or describe. */
    private static final Pattern EXPLAIN_FIRST = Pattern.compile("^[^.?!。？]*?\\b(?:explain|describe)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROOF_ASKED = Pattern.compile("(\\bprove\\b|证明|求证|\\bshow that\\b|\\bgive a proof\\b)",
            Pattern.CASE_INSENSITIVE);
    /** "True or False", "Answer T or F for each statement", "判断正误": statements to mark, a choice per statement. */
    private static final Pattern TRUE_FALSE = Pattern.compile(
            "(\\btrue\\s+or\\s+false\\b|\\btrue\\s*/\\s*false\\b|\\bT\\s+or\\s+F\\b|\\bT\\s*/\\s*F\\b|判断(?:题|正误|对错|下列说法))",
            Pattern.CASE_INSENSITIVE);
    /** "Give pseudo-code", "用伪代码描述": an algorithm described, not a program to run. */
    private static final Pattern PSEUDO_CODE = Pattern.compile("(pseudo-?\\s?code|伪代码)", Pattern.CASE_INSENSITIVE);
    /** "Run Dijkstra's algorithm … by hand", "Fill in the table C[0] … C[10]", "手工模拟": values a run produces. */
    private static final Pattern BY_HAND = Pattern.compile("(\\bby hand\\b|\\brun\\s+[\\w'’-]+\\s+algorithm\\b|"
            + "\\bfill in the table\\b|\\btrace\\s+(?:the|its)\\s+(?:execution|algorithm|run)\\b|手工模拟|手动模拟|填写下表|填表)",
            Pattern.CASE_INSENSITIVE);
    /**
     * "将下列逻辑地址转换为物理地址 …（1）0x0A7C", "convert 0x1D35 to a physical address": converting given values gives
     * values ("explain how to convert …" converts none).
     */
    private static final Pattern CONVERT = Pattern.compile(
            "(转换为|转换成|换算为|换算成|\\bconvert\\b(?=[^.?]{0,60}\\b(?:to|into)\\b))(?=.*\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DERIVE = Pattern.compile(
            "(推导|推断|推理|分析|判断|为什么|原因|derive|deduce|infer|reason|why|justify|determine whether)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONCEPT = Pattern.compile(
            "(什么是|是什么|指的是|含义|概念|简述|简要说明|说明|解释|描述|列举|比较|区别|"
                    + "what is|what are|explain|describe|define|definition|list|compare|difference)",
            Pattern.CASE_INSENSITIVE);
    /** What is left of a stem once its points, formulas and punctuation are taken away: nothing, for "$\\int…$." */
    private static final Pattern NOT_WORDS = Pattern.compile(
            "(\\$\\$.*?\\$\\$|\\$[^$]*\\$|\\\\\\(.*?\\\\\\)|\\\\\\[.*?\\\\\\]|[(（\\[【][^)）\\]】]{0,12}(分|points?|pts?|marks?)[)）\\]】]|[\\s.。,，;；:：!！?？])",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern MATH_NAMES = Pattern.compile(
            "(arcsin|arccos|arctan|sinh|cosh|tanh|sin|cos|tan|cot|sec|csc|ln|log|exp|lim|sqrt|max|min|det|d[xyzt])");
    private static final Pattern WORDS = Pattern.compile("(\\p{IsHan}|[A-Za-z]{3,})");
    private static final Pattern FORMULA = Pattern.compile("(\\$|\\\\[a-zA-Z]+|[=^]|\\d\\s*[+\\-*/×÷]\\s*\\d|∫|∑|√)");

    private ProblemClassifier() {
    }

    public static Classification classify(String stem, List<String> choices) {
        boolean zh = Texts.language(stem).equals("zh");
        if (choices.size() >= 2) {
            return new Classification(ProblemType.CHOICE, zh ? "有选项 " + String.join("、", choices) + "，为选择题"
                    : "has options " + String.join(", ", choices));
        }
        Matcher trueFalse = TRUE_FALSE.matcher(stem);
        if (trueFalse.find()) {
            return new Classification(ProblemType.CHOICE, (zh ? "判断正误（“" : "true or false ('") + trueFalse.group(1)
                    + (zh ? "”），为选择题" : "')"));
        }
        Matcher proof = PROOF.matcher(stem);
        // "Explain in words why a proof by induction works": a proof talked about, none asked for.
        boolean explainsProofs = proof.find() && proof.group(1).equalsIgnoreCase("proof")
                && EXPLAIN_FIRST.matcher(stem).find() && !PROOF_ASKED.matcher(stem).find();
        if (proof.reset().find() && !explainsProofs) {
            return new Classification(ProblemType.PROOF, (zh ? "要求证明（“" : "asks for a proof ('") + proof.group(1)
                    + (zh ? "”）" : "')"));
        }
        // "What is the difference …? Give an example (code and output)": the example's code is not what is asked.
        String asked = withoutDataBlocks(EXAMPLE.matcher(stem).replaceAll(" "));
        Matcher code = CODE.matcher(asked);
        boolean onlyALanguage = code.find() && LANGUAGE.matcher(code.group(1).strip()).matches()
                && !CODE.matcher(asked.substring(code.end())).find() && CONCEPT.matcher(stem).find();
        // "Explain the stack and the heap of a Java program" names a language but asks for prose; so does "Explain …
        // what is wrong with the following C function" over a given block of code, when nothing asks to write one.
        Matcher concept = CONCEPT.matcher(asked);
        boolean explainsCode = concept.find() && code.reset().find() && concept.start() < code.start()
                && !WRITE.matcher(asked).find();
        // "给出下面程序段中语句执行次数的紧确界": the program is given; what is asked is about it.
        boolean readsGivenCode = GIVEN_CODE.matcher(asked).find() && !WRITE.matcher(asked).find()
                && !CHANGE.matcher(asked).find();
        concept = CONCEPT.matcher(stem);
        Matcher pseudo = PSEUDO_CODE.matcher(asked);
        if (pseudo.find() && !LANGUAGE.matcher(asked).find() && !WRITE.matcher(asked).find()) {
            // "Design an algorithm … give pseudo-code, explain why it is correct": nothing to run, an argument to read.
            return new Classification(ProblemType.REASONING, (zh ? "要求设计算法（“" : "asks to design an algorithm ('")
                    + pseudo.group(1) + (zh ? "”）" : "')"));
        }
        if (code.reset().find() && !onlyALanguage && !explainsCode && !readsGivenCode) {
            return new Classification(ProblemType.PROGRAMMING, (zh ? "要求编写程序（“" : "asks for code ('")
                    + code.group(1).strip() + (zh ? "”）" : "')"));
        }
        long blanks = Blanks.count(stem);
        if (blanks > 0) {
            return new Classification(ProblemType.CALCULATION, zh ? "填空题（" + blanks + " 个空）" : "fill in the blanks ("
                    + blanks + ")");
        }
        if (formulaOnly(stem)) {
            return new Classification(ProblemType.OTHER, zh ? "题干只有公式，题型由答案中的结果决定"
                    : "the stem is only a formula; the key's answer decides its type");
        }
        Matcher compute = COMPUTE.matcher(stem);
        if (compute.find() && FORMULA.matcher(stem).find()) {
            return new Classification(ProblemType.CALCULATION, (zh ? "要求计算（“" : "asks to compute ('")
                    + compute.group(1) + (zh ? "”），含公式" : "') and has formulas"));
        }
        Matcher value = VALUE_ASKED.matcher(stem);
        if (value.find()) {
            return new Classification(ProblemType.CALCULATION, (zh ? "问的是一个数值（“" : "asks for a value ('")
                    + value.group(1) + (zh ? "”）" : "')"));
        }
        Matcher bound = BOUND_ASKED.matcher(stem);
        if (bound.find()) {
            return new Classification(ProblemType.CALCULATION, (zh ? "问的是一个复杂度界（“" : "asks for a bound ('")
                    + bound.group(1) + (zh ? "”）" : "')"));
        }
        Matcher byHand = BY_HAND.matcher(stem);
        if (byHand.find()) {
            return new Classification(ProblemType.CALCULATION,
                    (zh ? "要求手工运行算法（“" : "asks to run an algorithm by hand ('")
                            + byHand.group(1) + (zh ? "”）" : "')"));
        }
        Matcher convert = CONVERT.matcher(stem);
        if (convert.find()) {
            return new Classification(ProblemType.CALCULATION, (zh ? "要求换算（“" : "asks to convert ('")
                    + convert.group(1) + (zh ? "”）" : "')"));
        }
        Matcher compare = COMPARE.matcher(stem);
        if (compare.find()) {
            return new Classification(ProblemType.CONCEPT, (zh ? "要求比较说明（“" : "asks how things differ ('")
                    + compare.group(1) + (zh ? "”）" : "')"));
        }
        Matcher derive = DERIVE.matcher(stem);
        if (derive.find() && !definesThenAsksWhy(stem)) {
            return new Classification(ProblemType.REASONING, (zh ? "要求推导结论（“" : "asks to derive a conclusion ('")
                    + derive.group(1) + (zh ? "”）" : "')"));
        }
        if (concept.reset().find() && QUANTITY.matcher(stem).results().count() >= 2
                && concept.group(1).toLowerCase(Locale.ROOT).startsWith("what")) {
            // "A car accelerates at 2.50 m/s^2 for 10.0 s. What is its final speed?" asks for a value.
            return new Classification(ProblemType.CALCULATION, (zh ? "由给定的量求值（“" : "asks for a value from given "
                    + "quantities ('") + concept.group(1) + (zh ? "”）" : "')"));
        }
        if (concept.reset().find()) {
            return new Classification(ProblemType.CONCEPT, (zh ? "要求解释概念（“" : "asks for an explanation ('")
                    + concept.group(1) + (zh ? "”）" : "')"));
        }
        if (compute.reset().find()) {
            return new Classification(ProblemType.CALCULATION, (zh ? "要求计算（“" : "asks to compute ('")
                    + compute.group(1) + (zh ? "”）" : "')"));
        }
        return new Classification(ProblemType.OTHER, zh ? "未识别出题型，请老师指定" : "no type recognised; please choose one");
    }

    /**
     * "What is thrashing and why does it happen? Describe one way to prevent it.": a definition and its cause, asked in
     * prose, is a concept question; only a conclusion to derive or judge ("判断", "determine whether") is reasoning.
     */
    private static boolean definesThenAsksWhy(String stem) {
        return DEFINE.matcher(stem).find() && DERIVE.matcher(stem).results()
                .allMatch(m -> CAUSE.matcher(m.group(1)).matches());
    }

    private static final Pattern DEFINE = Pattern.compile("(什么是|是什么|定义|简述|描述|what is|what are|define|describe)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CAUSE = Pattern.compile("(为什么|原因|why|reason)", Pattern.CASE_INSENSITIVE);

    /** "$\\int_0^1 x\\arctan x\\,dx$." : a formula and nothing to say what to do with it. */
    static boolean formulaOnly(String stem) {
        if (!FORMULA.matcher(stem).find()) {
            return false;
        }
        // Unicode maths ("∫₀¹ x·arctan(x) dx") has no $: what is left may be function names, never words.
        String rest = MATH_NAMES.matcher(NOT_WORDS.matcher(stem).replaceAll("")).replaceAll("");
        return !WORDS.matcher(rest).find();
    }

    /**
     * The type of a problem whose stem alone did not tell, from its key: a formula asked about with a value or an
     * expression for answer is a calculation. Empty when the key does not decide.
     */
    public static Optional<Classification> byKey(String stem, ProblemType type, String reference) {
        if (type != ProblemType.OTHER || !formulaOnly(stem) || reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        if (PROOF.matcher(reference).find() && !FORMULA.matcher(reference).find()) {
            return Optional.empty();
        }
        if (!FORMULA.matcher(reference).find() && !reference.matches("(?s).*\\d.*")) {
            return Optional.empty();
        }
        boolean zh = Texts.language(stem + reference).equals("zh");
        return Optional.of(new Classification(ProblemType.CALCULATION, zh ? "题干只有公式，答案给出计算结果，为计算题"
                : "the stem is only a formula and the key answers it with a value: a calculation"));
    }

    /**
     * A problem the problem set gives no text for (its key answers it, the set's numbering does not hold it): typed by
     * what the key's answer is, the reason saying so.
     */
    /** A fenced block: its body. */
    private static final Pattern FENCED = Pattern.compile("```[^\n]*\n(.*?)```", Pattern.DOTALL);
    /** What code has and a table's schema, a schedule or a list of dependencies does not. */
    private static final Pattern CODE_SIGNS = Pattern.compile("(?m)([;{}]\\s*$|:\\s*$|\\b(def|return|for|while|if|else|"
            + "int|void|public|class|print|printf|println|import|include|function|let|var|const|select|from|where)\\b|"
            + "[=!<>]=|\\+\\+|->)", Pattern.CASE_INSENSITIVE);

    /**
     * The stem without fenced blocks that hold data, not code ("Shipment(order_id, …)", a schedule "r1(A), w2(B)",
     * dependencies): a block of data asks for no program.
     */
    private static String withoutDataBlocks(String stem) {
        Matcher m = FENCED.matcher(stem);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(CODE_SIGNS.matcher(m.group(1)).find() ? m.group() : " "));
        }
        return m.appendTail(out).toString();
    }

    public static Classification fromKeyAlone(String reference, boolean zh) {
        String why = zh ? "题目文件中没有本题的文字，题型由答案推断：" : "the problem set gives no text for it; typed by its key: ";
        if (!AnswerKeyParser.letters(reference).isEmpty()) {
            return new Classification(ProblemType.CHOICE, why + (zh ? "答案是选项字母" : "the answer is option letters"));
        }
        if (PROOF.matcher(reference).find() && !FORMULA.matcher(reference).find()) {
            return new Classification(ProblemType.PROOF, why + (zh ? "答案是证明" : "the answer is a proof"));
        }
        Matcher code = CODE.matcher(reference);
        if (reference.contains("```") || code.find() && WRITE.matcher(reference).find()) {
            return new Classification(ProblemType.PROGRAMMING, why + (zh ? "答案是程序" : "the answer is a program"));
        }
        if (FORMULA.matcher(reference).find() || reference.matches("(?s).*\\d.*")) {
            return new Classification(ProblemType.CALCULATION, why + (zh ? "答案给出计算结果" : "the answer is a value"));
        }
        return new Classification(ProblemType.CONCEPT, why + (zh ? "答案是文字说明" : "the answer is an explanation"));
    }
}
