package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the maths in an answer: the final result(s), and the chains of equalities in the working. */
public final class MathText {

    private static final Pattern DISPLAY = Pattern.compile("\\$\\$(.+?)\\$\\$|\\\\\\[(.+?)\\\\\\]", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("\\$([^$]+?)\\$|\\\\\\((.+?)\\\\\\)");
    private static final Pattern BOXED = Pattern.compile("\\\\boxed\\{");
    private static final Pattern ANSWER_LINE = Pattern.compile(
            "(?:最终答案|最后答案|答案|结果|答|所以|因此|故|final answer|answer|result|hence|therefore|so)\\s*(?:为|是)?\\s*[:：]?\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPLIT_VALUES = Pattern.compile("\\s*(?:或者|或|\\bor\\b|\\band\\b|和|;|；|,|，|、)\\s*");
    private static final Pattern INEQUALITY = Pattern.compile("\\\\(le|ge|leq|geq|neq|ne|lt|gt)(?![a-zA-Z])|[<>≠≤≥]");
    private static final Pattern MATHY = Pattern.compile("[=0-9^+\\-*/()√πa-zA-Z\\\\]");

    /** A sentence of two words or more that ends with a number, with its unit if it has one. */
    private static final Pattern PROSE_VALUE = Pattern.compile("(?:[A-Za-z][A-Za-z']*[,:]?\\s+){2,}"
            + "([-−+]?\\d+(?:\\.\\d+)?(?:\\s*(?:[A-Za-zμΩ°][A-Za-zΩ°/²³·^\\d]*))?)");

    private MathText() {
    }

    private static final Pattern TEX_SPACE = Pattern.compile("(?<!\\\\)\\\\[,;:! ]");

    /** TeX spacing ("\\,", "\\;") is not a separator of values: "2\\,x" is one value, not "2" and "x". */
    static String unspace(String s) {
        return TEX_SPACE.matcher(s).replaceAll(" ");
    }

    /** A display block over several lines, or an aligned-like environment. */
    private static final Pattern BLOCK = Pattern.compile("\\$\\$(.+?)\\$\\$|\\\\\\[(.+?)\\\\\\]"
            + "|\\\\begin\\{(aligned|align\\*?|gathered|gather\\*?|split|eqnarray\\*?|array)\\}(.+?)\\\\end\\{\\3\\}",
            Pattern.DOTALL);
    private static final Pattern ENVIRONMENT = Pattern.compile("\\\\(?:begin|end)\\{[a-z]+\\*?\\}(?:\\{[^{}]*\\})?");

    /**
     * Multi-line displays ($$ … \\\\ … $$, aligned) as one display per row: a row that begins with "=" continues the
     * chain of the row before, so "f &= a \\\\ &= b" is the chain f = a = b.
     */
    static String displayRows(String text) {
        Matcher m = BLOCK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
            if (!body.contains("\n") && !body.contains("\\\\") && m.group(4) == null) {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                continue;
            }
            // A matrix's rows and columns are its own, not the display's: kept whole while the display is split.
            List<String> matrices = new ArrayList<>();
            Matcher mx = MATRIX_ENV.matcher(body);
            StringBuilder kept = new StringBuilder();
            while (mx.find()) {
                mx.appendReplacement(kept, Matcher.quoteReplacement(HELD + matrices.size() + HELD));
                matrices.add(mx.group().replace("\n", " "));
            }
            mx.appendTail(kept);
            List<String> rows = new ArrayList<>();
            for (String row : ENVIRONMENT.matcher(kept.toString()).replaceAll(" ").split("\\\\\\\\|\n")) {
                String r = restore(row.replace("&", " "), matrices).strip();
                if (r.isEmpty()) {
                    continue;
                }
                if (!rows.isEmpty() && r.startsWith("=")) {
                    rows.set(rows.size() - 1, rows.get(rows.size() - 1) + " " + r);
                } else {
                    rows.add(r);
                }
            }
            StringBuilder rowsOut = new StringBuilder("\n");
            rows.forEach(r -> rowsOut.append("$$").append(r).append("$$\n"));
            m.appendReplacement(out, Matcher.quoteReplacement(rowsOut.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern MATRIX_ENV = Pattern.compile("\\\\begin\\{([pbvBV]?matrix)\\}.*?\\\\end\\{\\1\\}",
            Pattern.DOTALL);
    /** Marks a matrix held out of a display while it is split; a private-use character never in a student's text. */
    private static final String HELD = "\uE010";

    private static String restore(String row, List<String> matrices) {
        String out = row;
        for (int i = 0; i < matrices.size(); i++) {
            out = out.replace(HELD + i + HELD, matrices.get(i));
        }
        return out;
    }

    /** The maths fragments of a text, in order: $…$, $$…$$, and plain lines that look like formulas. */
    public static List<String> fragments(String text) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        for (String line : displayRows(text).split("\n")) {
            if (line.strip().startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (fence) {
                continue;
            }
            line = Parts.unlabel(line);
            boolean found = false;
            Matcher d = DISPLAY.matcher(line);
            while (d.find()) {
                out.add(d.group(1) != null ? d.group(1) : d.group(2));
                found = true;
            }
            String rest = DISPLAY.matcher(line).replaceAll(" ");
            Matcher m = INLINE.matcher(rest);
            while (m.find()) {
                out.add(m.group(1) != null ? m.group(1) : m.group(2));
                found = true;
            }
            // A plain line with "=", or "≈ 0.736" continuing a chain on its own line.
            if (!found && (line.contains("=") || line.contains("≈")) && !line.matches(".*[\\p{IsHan}]{4,}.*")) {
                out.add(line.replaceAll("^[\\s\\-*•]+", ""));
            }
        }
        return out;
    }

    /** Chains a = b = c in the working, as the list of their sides. */
    public static List<List<String>> chains(String text) {
        List<List<String>> chains = new ArrayList<>();
        for (String f : fragments(text)) {
            f = unspace(f);
            for (String part : f.split("[,，;；](?![^(]*\\))|\\s*(?:或者|或|\\bor\\b|\\band\\b|和|且)\\s*")) {
                part = part.replaceFirst("^\\s*[A-Za-z\\p{IsHan}\\s]{2,}[:：]\\s*", "");
                // An inequality inside brackets names a quantity (P(X≤1)); outside them the part is no equation.
                if (INEQUALITY.matcher(outsideBrackets(part)).find()) {
                    continue;
                }
                List<String> sides = sides(part);
                if (sides.size() >= 2) {
                    List<String> chain = new ArrayList<>();
                    for (String side : sides) {
                        chain.add(side.strip());
                    }
                    chains.add(chain);
                }
            }
        }
        return chains;
    }

    /** The text with everything inside round brackets removed. */
    private static String outsideBrackets(String s) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : 0;
            if (depth == 0) {
                out.append(c);
            }
            depth -= c == ')' && depth > 0 ? 1 : 0;
        }
        return out.toString();
    }

    /** The sides of "a = b = c" split at "=" outside round brackets, so P(X=0) + P(X=1) stays one side. */
    static List<String> sides(String part) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == '=' && depth == 0 && (i == 0 || "<>!=".indexOf(part.charAt(i - 1)) < 0)
                    && (i + 1 == part.length() || part.charAt(i + 1) != '=')) {
                out.add(part.substring(start, i));
                start = i + 1;
            }
        }
        out.add(part.substring(start));
        return out;
    }

    /**
     * The final answer(s): a boxed value, else an "答案/Answer/结果：" line, else the right side of the last equality.
     * "x = 2 或 x = 3" gives two values.
     */
    public static List<String> finalAnswers(String text) {
        String boxed = lastBoxed(text);
        if (boxed != null) {
            return values(boxed);
        }
        text = withoutCheck(text);
        String[] lines = text.strip().split("\n");
        Matcher bold = BOLD_RESULT.matcher(lines[lines.length - 1]);
        if (bold.matches() && bold.group(1).contains("=")) {
            // "**(x, y, z) = (1, 2, 3)**" as the last line: the result the student set apart, not the "So …" before it.
            List<String> v = values(bold.group(1));
            if (!v.isEmpty()) {
                return v;
            }
        }
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            Matcher m = ANSWER_LINE.matcher(line);
            if (m.find() && MATHY.matcher(m.group(1)).find() && i >= lines.length - 3) {
                return values(m.group(1));
            }
        }
        if (lines.length == 1 && spansOnly(lines[0])) {
            // "**$2^9=512$** 和 **$2^6=64$**": a result of several formulas, joined by "和" or commas, is each one's value.
            return values(lines[0]);
        }
        List<String> fragments = fragments(text);
        for (int i = fragments.size() - 1; i >= 0; i--) {
            String f = fragments.get(i);
            if (f.contains("=") || f.contains("≈")) {
                List<String> v = values(f);
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        if (lines.length <= 2 && !text.isBlank()) {
            return values(text.strip());
        }
        return List.of();
    }

    /** A line of two or more inline formulas with only "和", "或", "and", commas or bold markers between them. */
    static boolean spansOnly(String line) {
        Matcher span = INLINE.matcher(line);
        int end = 0;
        int count = 0;
        while (span.find()) {
            if (!line.substring(end, span.start()).replace("**", "").matches(count == 0 ? "\\s*" : JOINER)) {
                return false;
            }
            end = span.end();
            count++;
        }
        return count >= 2 && line.substring(end).replace("**", "").matches("\\s*[.。]?\\s*");
    }

    private static final String JOINER = "\\s*(?:和|或|或者|及|、|,|，|;|；|and|or)\\s*";

    /** A verification after the result ("Check: C·C⁻¹ = I ✓", "验证：…"): its "=" is no answer. */
    private static final Pattern CHECK = Pattern
            .compile("^[\\s*_(（]*(?:check|checking|verification|verify|sanity check|"
                    + "验证|检验|检查|验算)\\s*[:：.,，]", Pattern.CASE_INSENSITIVE);

    /** The text without the verification lines that end it, when something stands before them. */
    static String withoutCheck(String text) {
        String[] lines = text.split("\n", -1);
        int end = lines.length;
        int i = end - 1;
        while (i >= 0 && (lines[i].isBlank() || CHECK.matcher(lines[i]).find())) {
            if (!lines[i].isBlank()) {
                end = i;
            }
            i--;
        }
        // i < 0: nothing but checks and blank lines, which stay.
        return end == lines.length || i < 0 ? text : String.join("\n", List.of(lines).subList(0, end));
    }

    /** A key's labelled result line: "Answer: …", "答案：…" at the start of a line, bold or not. */
    static final Pattern KEY_ANSWER = Pattern.compile(
            "^\\s*(?:\\*\\*)?(?:最终答案|答案|final answer|answer)(?:\\*\\*)?\\s*(?:为|是)?\\s*[:：]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    /** A trailing gloss on a key's result: "(= 90.0 km/h)", "（即 …）", "(converges; ≈ 0.549)". */
    private static final Pattern GLOSS = Pattern.compile(
            "\\s*[(（]\\s*(?:[=≈]|即|i\\.e\\.|[^()（）]*(?:[A-Za-z]{4,}|[\\p{IsHan}]))[^()（）]*[)）]\\s*[.。]?\\s*$");

    /** Words, not maths: two Chinese characters, or an English word that is no function name. */
    private static final Pattern WORDS = Pattern
            .compile("[\\p{IsHan}]{2,}|(?i)\\b(?!(?:sqrt|arcsin|arccos|arctan|sinh|cosh|tanh)\\b)[a-z]{4,}\\b");

    /** The key's one labelled answer line ("答案：…", "Answer: …") as written, or "" when it has none or several. */
    public static String keyLine(String reference) {
        List<String> labelled = labelled(reference);
        return labelled.size() == 1 ? labelled.get(0) : "";
    }

    private static List<String> labelled(String reference) {
        List<String> labelled = new ArrayList<>();
        String previous = null;
        for (String line : reference.split("\n")) {
            Matcher m = KEY_ANSWER.matcher(line);
            boolean found = m.find();
            if (found && !(previous != null && translates(previous, line))) {
                labelled.add(untranslated(m.group(1).strip()));
            }
            previous = found ? line : null;
        }
        return labelled;
    }

    /**
     * The part of a key's reference answer that states the result: its one labelled answer line ("Answer: 1"), with
     * a trailing gloss dropped, when it has exactly one; else the whole reference. The marking notes a key writes
     * after its answer ("• 0/0 = 1: 3 (result only)") are not the result, so the last lines are not taken for it.
     * A key with several answer lines (parts (a), (b)) is read as before.
     */
    public static String keyResult(String reference) {
        List<String> labelled = labelled(reference);
        if (labelled.isEmpty()) {
            // "**$\\det A = -9$**": a line in bold that holds maths is how a Markdown key states its result.
            for (String line : reference.split("\n")) {
                Matcher b = BOLD_RESULT.matcher(line);
                if (b.matches() && b.group(1).contains("$")) {
                    labelled.add(b.group(1).strip());
                }
            }
        }
        if (labelled.size() != 1) {
            return reference;
        }
        String result = labelled.get(0);
        Matcher gloss = GLOSS.matcher(result);
        if (gloss.find() && gloss.start() > 0) {
            result = result.substring(0, gloss.start()).strip();
        }
        if (NAMED_VALUE.matcher(result).matches() && !WORDS.matcher(result.substring(result.lastIndexOf('=') + 1)
                .replaceAll("\\\\[A-Za-z]+", " ")).find()) {
            // "EMAT = 140 ns", "Speed = 12 m/s": a quantity's name, then its value.
            return result;
        }
        if (WORDS.matcher(result.replaceAll("\\\\[A-Za-z]+", " ")).find()) {
            // Results in words ("驻点为 $x=1$ 和 $x=3$；单调增区间为 …；极小值 $f(3)=1$", "squares of side 2 cm; …"):
            // its formulas are the result only when nothing but "和", "或" or commas stands between them; else no
            // one value is the result, and comparing the last one alone would verify a part as the whole.
            Matcher span = INLINE.matcher(result);
            List<String> spans = new ArrayList<>();
            int end = -1;
            while (span.find()) {
                if (end >= 0 && !result.substring(end, span.start()).matches("\\s*(?:和|或|或者|及|、|,|，|and|or)\\s*")) {
                    return "";
                }
                spans.add(span.group());
                end = span.end();
            }
            return spans.isEmpty() ? "" : String.join(", ", spans);
        }
        return MATHY.matcher(result).find() ? result : reference;
    }

    /** One name, then "=" and what it equals: "EMAT = 140 ns", "$v_{max} = 3$ m/s". */
    private static final Pattern NAMED_VALUE = Pattern.compile("^\\$?\\s*[A-Za-z][A-Za-z0-9_{}]{0,15}\\s*=[^=]+$");

    /** A whole line in bold, perhaps followed by a short gloss: "**$(x, y, z) = (1, 2, 3)$**". */
    private static final Pattern BOLD_RESULT = Pattern
            .compile("^\\s*\\*\\*([^*]+)\\*\\*\\s*(?:[(（][^()（）]*[)）])?\\s*[.。]?\\s*$");

    /** A second label after a slash on an answer line: "答案：$1$ / Answer: $1$" states its result twice. */
    private static final Pattern SECOND_LABEL = Pattern.compile(
            "\\s*/\\s*(?:\\*\\*)?(?:最终答案|答案|final answer|answer)(?:\\*\\*)?\\s*[:：]", Pattern.CASE_INSENSITIVE);

    /** A bilingual answer line read as its first language: "答案：$1$ / Answer: $1$" is "$1$". */
    static String untranslated(String answer) {
        Matcher m = SECOND_LABEL.matcher(answer);
        return m.find() && m.start() > 0 ? answer.substring(0, m.start()).strip() : answer;
    }

    /**
     * Whether an answer line right after another is its translation: one in Chinese, the next in English ("答案：… \n
     * Answer: …"), so the key states one result, not two parts.
     */
    private static boolean translates(String previous, String next) {
        return HAN.matcher(previous).find() != HAN.matcher(next).find();
    }

    private static final Pattern HAN = Pattern.compile("[\\p{IsHan}]");

    /**
     * The quantity the final result is about: the left side of the text's last equation when it is a name such as
     * a_n, F or P (not "x", whose results come as lists of values). Null when there is none.
     */
    public static String finalSubject(String text) {
        List<String> equations = equations(text);
        if (equations.isEmpty()) {
            return null;
        }
        String last = equations.get(equations.size() - 1);
        String lhs = subject(last.substring(0, last.indexOf('=')));
        return namesAQuantity(lhs) ? lhs : null;
    }

    /** A left side that names a quantity: not x or y, whose results a key lists as roots ("x = 2 和 x = 3"). */
    private static boolean namesAQuantity(String lhs) {
        return lhs != null && !lhs.equals("x") && !lhs.equals("y");
    }

    /**
     * The quantities a result names, one per value: "E(X) = 0.7，D(X) = 1.41" → [E, D]. Empty unless every equation
     * names its own quantity.
     */
    public static List<String> finalSubjects(String text) {
        List<String> subjects = new ArrayList<>();
        for (String e : equations(text)) {
            String lhs = subject(e.substring(0, e.indexOf('=')));
            if (!namesAQuantity(lhs) || subjects.contains(lhs)) {
                return List.of();
            }
            subjects.add(lhs);
        }
        return subjects.size() > 1 ? subjects : List.of();
    }

    /** The right side of the last equation in the text whose left side is {@code subject}; empty if none. */
    public static List<String> valuesFor(String text, String subject) {
        List<String> equations = equations(text);
        for (int i = equations.size() - 1; i >= 0; i--) {
            String f = equations.get(i);
            int eq = f.indexOf('=');
            if (subject.equals(subject(f.substring(0, eq)))) {
                // "P(B) = 0.5·0.02 + … ≈ 0.033": the value as written last, after "=" or "≈".
                String g = f.replace("\\approx", "≈");
                String rhs = g.substring(Math.max(g.lastIndexOf('='), g.lastIndexOf('≈')) + 1).strip();
                rhs = rhs.replaceAll("[。.]+$", "").strip();
                return rhs.isEmpty() ? List.of() : List.of(rhs);
            }
        }
        return List.of();
    }

    /** A comma or semicolon between equations, not one inside brackets ("f(x, y)", "\\{1, 2\\}"). */
    private static final Pattern BETWEEN_EQUATIONS = Pattern.compile("[,，;；](?![^(\\[{]*[)\\]}])");

    /** The equations of the text's maths fragments, in order: "E(X) = 0.7，D(X) = 1.41" is two. */
    private static List<String> equations(String text) {
        List<String> out = new ArrayList<>();
        for (String f : fragments(text)) {
            for (String part : BETWEEN_EQUATIONS.split(f)) {
                if (part.indexOf('=') > 0) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    private static String subject(String lhs) {
        String s = lhs.replace("$", "").replaceAll("[{}\\s]", "").replaceFirst("^.*[:：]", "");
        return s.matches("[A-Za-z](_[A-Za-z0-9]+)?(\\([A-Za-z,]*\\))?") ? s.replaceAll("\\(.*\\)", "") : null;
    }

    /** "x = 2 或 x = 3" → ["2", "3"]; "$x_1 = 2$，$x_2 = 3$" → ["2", "3"]; "a = b = 5" → ["5"]. */
    static List<String> values(String s) {
        // "**0.059**": Markdown bold around a result is emphasis, not maths.
        String clean = unspace(s.replace("$", " ").replace("**", " ")).strip();
        List<String> out = new ArrayList<>();
        for (String part : splitTopLevel(clean)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            // "0.3874 ≈ 0.387": the value as written last, after "=" or "≈".
            p = p.replace("\\approx", "≈");
            int eq = Math.max(p.lastIndexOf('='), p.lastIndexOf('≈'));
            String value = eq >= 0 ? p.substring(eq + 1).strip() : p;
            value = value.replaceAll("[。.]+$", "").strip();
            // "600 个", "120 种": a count's measure word is no unit.
            value = MEASURE_WORD.matcher(value).replaceFirst("").strip();
            Matcher tail = PROSE_VALUE.matcher(value);
            if (tail.matches()) {
                // "the limit is 1", "the top slides down at 0.45 m/s": the value the sentence ends with.
                value = tail.group(1).strip();
            }
            if (!value.isEmpty() && MATHY.matcher(value).find() && !value.matches(".*[\\p{IsHan}].*")) {
                out.add(value);
            }
        }
        return out;
    }

    private static final Pattern MEASURE_WORD = Pattern.compile("(?<=[\\d)}])\\s*(?:个|种|次|条|组|对|项|名|张|本|道|人|天)$");

    /** A blank's label ("(1)", "①", "第1空：", "空2："), or the wide gap between blanks filled on one line. */
    private static final Pattern BLANK_SEPARATOR = Pattern.compile(
            "[(（]\\s*\\d\\s*[)）]|[①②③④⑤⑥⑦⑧⑨⑩]|第\\s*\\d\\s*空\\s*[:：]?|空\\s*\\d\\s*[:：]");
    private static final Pattern WIDE_GAP = Pattern.compile("\\s{2,}|\u3000+");

    /** The values of blanks filled on one line: split at their labels, else at wide gaps; empty parts dropped. */
    static List<String> blanks(String line) {
        Pattern by = BLANK_SEPARATOR.matcher(line).find() ? BLANK_SEPARATOR : WIDE_GAP;
        List<String> out = new ArrayList<>();
        for (String part : by.split(line.strip())) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** Splits values at separators outside brackets: "(1, 2), (3, 4)" is two tuples, "(0, 1]" one interval. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = SPLIT_VALUES.matcher(s);
        int start = 0;
        while (m.find()) {
            int depth = 0;
            for (int i = 0; i < m.start(); i++) {
                char c = s.charAt(i);
                depth += "([{".indexOf(c) >= 0 ? 1 : ")]}".indexOf(c) >= 0 ? -1 : 0;
            }
            if (depth <= 0) {
                out.add(s.substring(start, m.start()));
                start = m.end();
            }
        }
        out.add(s.substring(start));
        return out;
    }

    static String lastBoxed(String text) {
        Matcher m = BOXED.matcher(text);
        String last = null;
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            StringBuilder b = new StringBuilder();
            while (i < text.length() && depth > 0) {
                char c = text.charAt(i++);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                if (depth > 0) {
                    b.append(c);
                }
            }
            last = b.toString();
        }
        return last;
    }
}
