package ai.smartai.backend.ingest.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines that start a problem (or the answer to one) in the numbering styles real homework uses:
 * {@code ## 1.}, {@code 1.}, {@code 1、}, {@code 1)}, {@code (1)}, {@code Q1}, {@code Problem 1}, {@code 第一题},
 * {@code 第3题}, {@code 题3}, {@code 一、}, {@code 1.2}, {@code Problem IV}, {@code P1.}, {@code 3 (10 points)}. One style
 * is chosen per document, so sub-parts like {@code (a)} or a
 * numbered list inside an answer stay inside their problem.
 */
public final class Numbering {

    /** A heading line: its index, the normalised number ("3", "1.2"), its style, and the text after the marker. */
    public record Heading(int line, String number, Style style, String rest) {
        int major() {
            int dot = number.indexOf('.');
            return Integer.parseInt(dot < 0 ? number : number.substring(0, dot));
        }

        /**
         * The text after the marker as part of the answer: not a typeset section's title ("1 Sorting"), which names
         * the problem.
         */
        public String answerText() {
            return style == Style.COUNTED && TITLE.matcher(rest).matches() ? "" : rest;
        }
    }

    /** A few capitalised words with no figure or sentence mark: "Sorting", "Shortest Paths", "Dynamic programming". */
    private static final Pattern TITLE = Pattern.compile("^\\p{Lu}[\\p{L}'’-]*(?:\\s+[\\p{L}'’-]+){0,5}$");

    /** Styles in order of preference when two explain a document equally well. */
    public enum Style {
        MARKDOWN,
        PROBLEM_WORD,
        Q,
        CHINESE_DI,
        CIRCLED,
        CHINESE_ENUM,
        DOT,
        DOTTED,
        PAREN_CLOSE,
        PAREN,
        /** A row of an answer table under its "Problem | Answer" head: "3 (a) 6 …". */
        TABLE_ROW,
        /**
         * A bold number alone on its line ("**5**"): a style of its own, so that a final answer set in bold ("**21**")
         * never joins another style's headings.
         */
        BOLD_NUMBER,
        /** A marker too loose to trust alone, taken because another document (the key) says how many problems. */
        COUNTED
    }

    private static final String CN_NUM = "[0-9０-９一二三四五六七八九十百零两]+";
    /** Points in brackets: "(10 points)", "[5 pts]", "（10分）". */
    private static final String POINTS_MARK = "[(\\[（【]\\s*\\d{1,3}(?:\\.\\d)?\\s*(?i:points?|pts?\\.?|marks?|分)\\s*[)\\]）】]";
    private static final Pattern LEADING_POINTS = Pattern.compile("^" + POINTS_MARK + "\\s*(?=\\S)");
    private static final List<String> WORD_NUMBERS = List.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve");
    /** "Problem Three": a number word with a mark, a title or the line's end after it ("Answer one of them" is not). */
    private static final String WORD_NUMBER = "((?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
            + "(?=\\s*(?:[.:：)）(\\[—]|$)|\\s+[A-Z])";
    /** A Roman problem number ("Problem IV"), with a mark, a title or the line's end after it. */
    private static final String ROMAN = "([IVX]{1,5})(?=\\s*(?:[.:：)）(\\[—]|$)|\\s+[A-Z])";
    private static final Pattern MD_PREFIX = Pattern.compile("^(#{1,6})\\s*");
    private static final Pattern NUMBER_SIGN = Pattern
            .compile("^(?:#{1,6}\\s+)?#(\\d{1,3})(?![\\d.,])\\s*[.:：)）]?\\s*(.*)$");
    private static final Pattern BOLD = Pattern.compile("^\\*\\*(.+?)\\*\\*(.*)$");
    private static final Pattern MD_TITLED = Pattern.compile("^(\\d{1,3})\\s+(\\p{L}.*)$");
    private static final Pattern BARE_NUMBER = Pattern.compile("^(\\d{1,3})\\s*$");
    private static final Pattern SECTION_THEN_NUMBER = Pattern.compile(
            "^[一二三四五六七八九十]{1,3}\\s*[、.．]\\s*(?=\\d{1,3}\\s*[.．、)）](?!\\d))");
    private static final Map<Style, Pattern> PATTERNS = new LinkedHashMap<>();
    /** A section title between problems: a kind of question, optionally numbered and with its points. */
    private static final String KINDS = "(?:单项选择|多项选择|不定项选择|单选|多选|选择|填空|判断|计算|解答|证明|编程|程序设计|简答|问答|"
            + "综合|应用|分析|论述|概念|推导|实验)";
    private static final String POINTS_NOTE = "\\s*(?:[(（][^)）]{0,30}[)）])?\\s*[:：]?$";
    /** "三、编程题" needs its 题 ("一、计算" is a problem); "单项选择" alone is a title. */
    private static final Pattern SECTION_ZH = Pattern.compile("^(?:[一二三四五六七八九十]{1,3}\\s*[、.．]\\s*" + KINDS + "题"
            + "|(?:第[一二三四五六七八九十]{1,3}部分\\s*[:：]?\\s*)?" + KINDS + "题?)" + POINTS_NOTE);
    private static final Pattern SECTION_EN = Pattern.compile("^(?:(?:Part|Section)\\s+(?:[A-Z]|[IVX]{1,4}|\\d{1,2})\\b"
            + "(?:\\s*[-—:：.]\\s*[^.?!]{0,50})?|(?:[IVX]{1,4}\\.\\s*)?(?i:multiple[- ]choice|single[- ]choice|"
            + "fill[- ]in(?:[- ]the[- ]blanks?)?|true(?:/| or )false|short[- ]answers?|calculations?|computations?|proofs?|"
            + "programming|coding|concepts?)(?i:\\s+(?:questions?|problems?|section))?\\s*(?:[(（][^)）]{0,30}[)）])?\\s*[:：]?)$");

    /** Rules drawn around a marker: "--- problem 4 ---", "=== Q2 ===", "***** Task 3 *****". */
    private static final Pattern RULE = Pattern.compile("^[-=*~_+#]{3,}\\s*|\\s*[-=*~_+#]{3,}$");
    /** The styles whose marker says it is a problem ("Problem 1", "Q2", "第3题"), not only a number. */
    private static final Set<Style> NAMED = Set.of(Style.PROBLEM_WORD, Style.Q, Style.CHINESE_DI);

    static {
        PATTERNS.put(Style.PROBLEM_WORD, Pattern.compile(
                "^(?i:problem|prob\\.?|question|ques\\.|qn\\.?|exercise|task|answer|ans\\.?|solution|sol\\.?|ex\\.?)\\s*"
                        + "(?:#|(?i:no)\\.?)?\\s*(?:(\\d{1,3}(?:[.-]\\d{1,2})?)(?!\\d)(?![.-]\\d)|" + ROMAN + "|"
                        + WORD_NUMBER + ")\\s*[.:：)）]?\\s*(.*)$"));
        // "P1." stands for a problem only with a mark or a title after it: "P1 = 0.3" is a probability.
        PATTERNS.put(Style.Q, Pattern.compile("^(?:[Qq]\\.?\\s*(\\d{1,3}(?:\\.\\d{1,2})?)(?!\\d)(?!\\.\\d)\\s*[.:：)）]?"
                + "|[Pp](\\d{1,3})(?!\\d)(?!\\.\\d)\\s*(?:[.:：)）—]|\\s-\\s|(?=\\s+[A-Z(\\[])|$))\\s*(.*)$"));
        // "答1：B": the answer to problem 1, with a mark or the line's end after its number ("答2次" is no heading);
        // "【3】ABD": a number in lenticular brackets.
        PATTERNS.put(Style.CHINESE_DI, Pattern.compile(
                "^(?:【\\s*(\\d{1,3})\\s*】|[【\\[]?\\s*(?:第\\s*(" + CN_NUM + ")\\s*[题題问問]|[题題]目?\\s*(" + CN_NUM
                        + ")|答\\s*(" + CN_NUM + ")(?=\\s*(?:[.:：、)）]|$)))\\s*[】\\]]?)\\s*[.:：、)）]?\\s*(.*)$"));
        PATTERNS.put(Style.CIRCLED, Pattern.compile("^([\u2460-\u2473])\\s*[.．、:：]?\\s*(.*)$"));
        PATTERNS.put(Style.CHINESE_ENUM, Pattern.compile("^([一二三四五六七八九十]{1,3})\\s*[、.．]\\s*(.*)$"));
        PATTERNS.put(Style.DOTTED, Pattern.compile("^(\\d{1,3}\\.\\d{1,2})(?:[.．、]|\\s+|$)\\s*(.*)$"));
        // "2a)" starts problem 2 at its first sub-part; "2b)" stays inside it.
        // "3 (10 points)" and "3 — Sorting" are numbered like "3.": a line that opens with a number and its points
        // or a dash before words.
        // "4、10，9，8": after 、 a number is the answer; after "." it would be a decimal ("3.14").
        PATTERNS.put(Style.DOT, Pattern.compile("^(\\d{1,3})(?:a?\\s*(?:[.．](?!\\d)|、)|\\s*[—–]\\s*(?=\\p{L})|\\s*(?="
                + POINTS_MARK + "))\\s*(.*)$"));
        PATTERNS.put(Style.PAREN_CLOSE, Pattern.compile("^(\\d{1,3})a?\\s*[)）]\\s*(.*)$"));
        PATTERNS.put(Style.PAREN, Pattern.compile("^[(（]\\s*(\\d{1,3})\\s*[)）]\\s*(.*)$"));
    }

    private Numbering() {
    }

    /** Every line that could start a problem, in any style; section titles are not problems. */
    public static List<Heading> candidates(List<String> lines) {
        List<Heading> found = candidates(lines, true);
        // A document numbered only by its section titles ("一、计算题" then the problem's text): those are problems.
        return found.isEmpty() ? candidates(lines, false) : found;
    }

    private static List<Heading> candidates(List<String> lines, boolean skipSections) {
        List<Heading> out = new ArrayList<>();
        boolean inFence = false;
        int lastRow = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence || line.isEmpty() || (skipSections && isSectionHeading(line))) {
                continue;
            }
            String cells = line.replaceAll("^\\|\\s*|\\s*\\|$", "").replaceAll("\\s*\\|\\s*", " ").strip();
            if (TABLE_HEAD.matcher(cells).matches()) {
                lastRow = 0;
                continue;
            }
            Heading h = match(i, line);
            if (h != null) {
                out.add(h);
                continue;
            }
            // Under an answer table's head, a row starts with its problem's number; the numbers only go up, so a
            // number at the start of a line inside an answer does not start a row.
            Matcher row = TABLE_ROW.matcher(cells);
            if (lastRow >= 0 && row.matches()) {
                int n = Integer.parseInt(row.group(1));
                if (n > lastRow && n <= lastRow + 3) {
                    out.add(new Heading(i, Integer.toString(n), Style.TABLE_ROW, row.group(2).strip()));
                    lastRow = n;
                }
            }
        }
        return out;
    }

    /** The head of an answer table: "Problem Answer", "| Question | Answer |", "题号 答案". */
    private static final Pattern TABLE_HEAD = Pattern.compile(
            "^(?i:problem|question|q|no\\.?|#|题号|题目|题)\\s*(?i:answers?|solutions?|responses?|答案|解答|作答)$");
    private static final Pattern TABLE_ROW = Pattern.compile("^(\\d{1,3})\\s+(\\S.*)$");

    static Heading match(int index, String line) {
        Matcher sign = NUMBER_SIGN.matcher(line);
        if (sign.matches()) {
            // "#1 (a)", "### #3": a number sign, not a Markdown heading (which needs a space after its #).
            return new Heading(index, sign.group(1), Style.Q, sign.group(2).strip());
        }
        boolean markdown = false;
        Matcher md = MD_PREFIX.matcher(line);
        if (md.find()) {
            markdown = true;
            line = line.substring(md.end());
        }
        // In a source file the answers are marked in comments ("// Problem 1", "/* Answer 3 */", "# --- Q4 ---"):
        // only a marker that names itself a problem counts there, as "// 1. check n" is a step of the code.
        String unmarked = RULE.matcher(Texts.uncommented(line)).replaceAll("");
        boolean marked = !unmarked.equals(line.strip());
        line = unmarked;
        Matcher bold = BOLD.matcher(line);
        if (!markdown && !marked && bold.matches() && BARE_NUMBER.matcher(bold.group(1).strip()).matches()
                && (bold.group(2).isBlank() || Character.isWhitespace(bold.group(2).charAt(0)))) {
            // "**5**" alone, or "**1** B" with the answer after it.
            return new Heading(index, bold.group(1).strip(), Style.BOLD_NUMBER, bold.group(2).strip());
        }
        if (bold.matches()) {
            line = bold.group(1).strip() + " " + bold.group(2).strip();
            line = line.strip();
        }
        // "[10 pts] 3. …": the points before the number.
        line = LEADING_POINTS.matcher(line).replaceFirst("");
        // "二、3. 512个": the section's number, then the problem's.
        line = SECTION_THEN_NUMBER.matcher(line).replaceFirst("");
        for (Map.Entry<Style, Pattern> p : PATTERNS.entrySet()) {
            if (marked && !NAMED.contains(p.getKey())) {
                continue;
            }
            Matcher m = p.getValue().matcher(line);
            if (m.matches()) {
                // The number is the first group that matched ("第3题" or "题3"), the text after it the last.
                String raw = null;
                for (int g = 1; g < m.groupCount() && raw == null; g++) {
                    raw = m.group(g);
                }
                String number = normalise(raw);
                if (number == null) {
                    continue;
                }
                Style style = markdown ? Style.MARKDOWN : p.getKey();
                return new Heading(index, number, style, m.group(m.groupCount()).strip());
            }
        }
        if (markdown && !marked) {
            // "## 3" with nothing after the number, or "## 3 Sorting" with its title.
            Matcher bare = BARE_NUMBER.matcher(line);
            if (bare.matches()) {
                return new Heading(index, bare.group(1), Style.MARKDOWN, "");
            }
            Matcher titled = MD_TITLED.matcher(line);
            if (titled.matches()) {
                return new Heading(index, Integer.toString(Integer.parseInt(titled.group(1))), Style.MARKDOWN,
                        titled.group(2).strip());
            }
        }
        return null;
    }

    /** "三、编程题", "## Part B: Programming", "**单项选择**", "Multiple choice (20 points)". */
    public static boolean isSectionHeading(String line) {
        String s = MD_PREFIX.matcher(line.strip()).replaceFirst("").replace("**", "").strip();
        if (s.length() > 80) {
            return false;
        }
        return s.length() <= 60 && isSectionTitle(s) || isBilingualSectionTitle(s);
    }

    private static boolean isSectionTitle(String s) {
        return SECTION_ZH.matcher(s).matches() || SECTION_EN.matcher(s).matches();
    }

    /**
     * A bilingual title, each language's title side by side: "一、单项选择 / Multiple choice（每题 6 分 / 6 points
     * each）". The other language's title vouches for a Chinese one without its 题 ("一、单项选择").
     */
    private static boolean isBilingualSectionTitle(String s) {
        String[] parts = TRAILING_NOTE.matcher(s).replaceFirst("").split("\\s*[/／]\\s*");
        if (parts.length != 2) {
            return false;
        }
        boolean first = isSectionTitle(parts[0]);
        boolean second = isSectionTitle(parts[1]);
        return first && second || first && ZH_KIND.matcher(parts[1]).matches()
                || second && ZH_KIND.matcher(parts[0]).matches();
    }

    private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*[(（][^()（）]{0,40}[)）]\\s*[:：]?$");
    /** A Chinese kind of question, numbered or not, without its 题: "一、单项选择", "填空". */
    private static final Pattern ZH_KIND = Pattern.compile("^(?:[一二三四五六七八九十]{1,3}\\s*[、.．]\\s*)?" + KINDS + "题?$");

    /** The end of the block [from, to) without the blank lines and section titles that close it. */
    public static int blockEnd(List<String> lines, int from, int to) {
        int end = to;
        while (end > from && (lines.get(end - 1).isBlank() || isSectionHeading(lines.get(end - 1)))) {
            end--;
        }
        return end;
    }

    /**
     * The headings of a problem set: the style that numbers the most distinct problems without repeating a number
     * (a repeating style is sub-numbering), ties broken by {@link Style} order.
     */
    public static List<Heading> problemHeadings(List<String> lines) {
        List<Heading> all = candidates(lines);
        Map<Style, List<Heading>> byStyle = group(all);
        Style best = null;
        double bestScore = 0;
        for (Map.Entry<Style, List<Heading>> e : byStyle.entrySet()) {
            double score = score(e.getValue()) * weight(e.getKey());
            if (score > bestScore || (score == bestScore && best != null && e.getKey().ordinal() < best.ordinal())) {
                best = e.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            return List.of();
        }
        // Keep the first occurrence of each number, in document order, from the longest run that counts up: a
        // numbered list of instructions before the problems starts its own run and is left out.
        Set<String> seen = new HashSet<>();
        List<Heading> chosen = new ArrayList<>();
        for (Heading h : longestRun(byStyle.get(best))) {
            if (seen.add(h.number())) {
                chosen.add(h);
            }
        }
        List<Heading> sections = numberedSections(lines);
        if (sections.size() >= 2 && sections.size() >= chosen.size()
                && chosen.stream().allMatch(h -> h.line() < sections.get(0).line())) {
            // "说明：1. … 2. … 3. …" before "一、单项选择题（8分）", "二、…" that each hold one unnumbered problem: the list
            // is the instructions, and the numbered sections are the problems.
            return sections;
        }
        return chosen;
    }

    private static long known(List<Heading> headings, Collection<String> problemNumbers) {
        return headings.stream().map(Heading::number).filter(problemNumbers::contains).distinct().count();
    }

    /**
     * Lines numbered 一、二、三… in order, as headings, when at least two of them are section titles ("一、单项选择题（8分）",
     * "七、进程同步（20分）" among them); else none.
     */
    private static List<Heading> numberedSections(List<String> lines) {
        List<Heading> out = new ArrayList<>();
        int titles = 0;
        for (int i = 0; i < lines.size(); i++) {
            // "## 一、单项选择题（8分）" in a Markdown key as in a document.
            Heading h = match(i, MD_PREFIX.matcher(lines.get(i).strip()).replaceFirst("").replace("**", "").strip());
            if (h != null && h.style() == Style.CHINESE_ENUM && h.major() == out.size() + 1) {
                out.add(h);
                titles += isSectionHeading(lines.get(i)) ? 1 : 0;
            }
        }
        return titles >= 2 ? out : List.of();
    }

    /** Runs start again where the numbering goes back to 1; the run with the most numbers wins, the later on a tie. */
    private static List<Heading> longestRun(List<Heading> headings) {
        List<List<Heading>> runs = new ArrayList<>();
        List<Heading> run = new ArrayList<>();
        for (Heading h : headings) {
            if (!run.isEmpty() && h.major() == 1 && run.get(run.size() - 1).major() >= 1 && h.number().equals("1")) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(h);
        }
        runs.add(run);
        List<Heading> best = runs.get(0);
        for (List<Heading> r : runs) {
            if (distinct(r) >= distinct(best)) {
                best = r;
            }
        }
        return best;
    }

    private static int distinct(List<Heading> headings) {
        return (int) headings.stream().map(Heading::number).distinct().count();
    }

    /**
     * The headings of an answer sheet or key, given the problem numbers: the style that names the most known
     * problems; within it, the first heading for each known number. Unknown numbers are returned too (as text that
     * matches no problem) so nothing is dropped.
     */
    public static List<Heading> answerHeadings(List<String> lines, Collection<String> problemNumbers) {
        List<Heading> named = namedAnswerHeadings(lines, problemNumbers);
        List<Heading> sections = numberedSections(lines);
        if (problemNumbers.size() >= 2 && sections.size() == problemNumbers.size()
                && known(sections, problemNumbers) == problemNumbers.size()) {
            // "## 一、单项选择题（8分）" … "## 八、简答题": numbered sections, one per problem, are the answers' headings;
            // the numbered lists inside them (a key's rules "1. … 6.", a rubric's items) are not.
            return sections;
        }
        int count = problemNumbers.size();
        if (count >= 2 && isRun(problemNumbers)
                && known(named, problemNumbers) <= 1) {
            // Known styles name at most one problem: the loose markers ("1 Sorting", "P1 —") that hold 1…N in order.
            Optional<List<Heading>> loose = headingsFor(lines, count);
            if (loose.isPresent()) {
                return loose.get();
            }
        }
        return named;
    }

    /** Whether the numbers are exactly 1…N. */
    private static boolean isRun(Collection<String> numbers) {
        Set<String> all = new HashSet<>(numbers);
        for (int k = 1; k <= all.size(); k++) {
            if (!all.contains(Integer.toString(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many problems a document numbers 1…N on loose markers alone, for one whose known styles number at most one:
     * the largest N (at least 2) that {@link #headingsFor} finds, else 0. Taken only where another document holds
     * the same count.
     */
    public static int looseCount(List<String> lines) {
        if (problemHeadings(lines).size() > 1) {
            return 0;
        }
        for (int n = MAX_LOOSE; n >= 2; n--) {
            if (headingsFor(lines, n).isPresent()) {
                return n;
            }
        }
        return 0;
    }

    private static final int MAX_LOOSE = 40;

    private static List<Heading> namedAnswerHeadings(List<String> lines, Collection<String> problemNumbers) {
        Set<String> known = new HashSet<>(problemNumbers);
        List<Heading> all = candidates(lines);
        Map<Style, List<Heading>> byStyle = group(all);
        List<Heading> best = null;
        Style bestStyle = null;
        double bestScore = 0;
        for (Map.Entry<Style, List<Heading>> e : byStyle.entrySet()) {
            List<Heading> renumbered = renumberedBySection(lines, e.getValue());
            for (List<Heading> option : renumbered == null ? List.of(e.getValue())
                    : List.of(e.getValue(), renumbered)) {
                double score = knownScore(option, known);
                if (score > bestScore || (score == bestScore && bestStyle != null
                        && e.getKey().ordinal() < bestStyle.ordinal())) {
                    best = option;
                    bestStyle = e.getKey();
                    bestScore = score;
                }
            }
        }
        if (best == null) {
            return List.of();
        }
        Set<String> used = new HashSet<>();
        List<Heading> chosen = new ArrayList<>();
        int maxKnown = known.stream().mapToInt(Numbering::majorOf).max().orElse(0);
        for (Heading h : best) {
            if (known.contains(h.number())) {
                if (used.add(h.number())) {
                    chosen.add(h);
                }
            } else if (h.major() > maxKnown && !used.contains(h.number())) {
                // "Q10" when there are nine problems: kept as a section of its own, reported as unmatched.
                used.add(h.number());
                chosen.add(h);
            }
        }
        fillGaps(chosen, all, bestStyle, known);
        return chosen;
    }

    /**
     * A loose marker: an optional word ("Exercise", "P", "Aufgabe"), the number (with its first part's "a"), then a
     * mark, a space before words, or the line's end ("1 Sorting" from a typeset section title, a number alone on its line).
     */
    private static final Pattern LOOSE = Pattern
            .compile("^[\\[【(（]?(?:([A-Za-z]{1,12}|[\\p{IsHan}]{1,4})\\.?\\s*[-#№]?\\s*)?"
                    + "(\\d{1,3})(?!\\d)(?![.．,]\\d)(a(?=\\s|$))?\\s*([.．、:：)）\\]】—-]|\\s(?=\\s*[\\p{L}])|$)(.*)$");

    /**
     * The headings for problems 1…{@code count} when no known style numbers them all: lines that open with a marker of
     * one shape (the same word before the number, the same mark after it) on which 1, 2, … {@code count} stand in
     * order. The count comes from another document, the key, which is what makes so loose a marker safe to trust;
     * of the shapes that hold every number, the one with the fewest other lines wins.
     */
    public static Optional<List<Heading>> headingsFor(List<String> lines, int count) {
        Map<String, List<Heading>> byShape = new LinkedHashMap<>();
        boolean inFence = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inFence = !inFence;
                continue;
            }
            if (inFence || line.isEmpty() || isSectionHeading(line)) {
                continue;
            }
            line = MD_PREFIX.matcher(line).replaceFirst("").replace("**", "").strip();
            Matcher m = LOOSE.matcher(line);
            if (m.matches()) {
                String word = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
                // No mark: "1  A", "2a  F" (problem 2 at its first part) and "8" alone are one shape.
                String mark = m.group(3) != null || m.group(4).isBlank() ? " " : m.group(4);
                byShape.computeIfAbsent(word + "|" + mark, k -> new ArrayList<>())
                        .add(new Heading(i, Integer.toString(Integer.parseInt(m.group(2))), Style.COUNTED,
                                m.group(3) == null ? m.group(5).strip() : line.substring(m.end(2)).strip()));
            }
        }
        List<Heading> best = null;
        int bestOthers = Integer.MAX_VALUE;
        for (List<Heading> shape : byShape.values()) {
            List<Heading> picked = counted(shape, count);
            int others = shape.size() - picked.size();
            if (picked.size() == count && others < bestOthers) {
                best = picked;
                bestOthers = others;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * 1…count in order, each the last of its number before the next one's heading ("1 point each" in the preamble is
     * not problem 1 when "1 Sorting" follows it); the last number is its first after the one before. Fewer when the
     * numbers are not all there in order.
     */
    private static List<Heading> counted(List<Heading> shape, int count) {
        List<Heading> first = new ArrayList<>();
        for (Heading h : shape) {
            if (first.size() < count && h.number().equals(Integer.toString(first.size() + 1))) {
                first.add(h);
            }
        }
        if (first.size() < count) {
            return first;
        }
        Heading[] picked = new Heading[count];
        picked[count - 1] = first.get(count - 1);
        for (int k = count - 2; k >= 0; k--) {
            String number = Integer.toString(k + 1);
            int before = picked[k + 1].line();
            for (Heading h : shape) {
                if (h.line() >= before) {
                    break;
                }
                if (h.number().equals(number)) {
                    picked[k] = h;
                }
            }
        }
        return List.of(picked);
    }

    /** How well headings name the known problems: each one named, less for repeats and for unknown numbers. */
    private static double knownScore(List<Heading> headings, Set<String> known) {
        Set<String> hits = new HashSet<>();
        int repeats = 0;
        int unknown = 0;
        for (Heading h : headings) {
            if (known.contains(h.number()) && !hits.add(h.number())) {
                repeats++;
            } else if (!known.contains(h.number())) {
                unknown++;
            }
        }
        // A key's numbered rules (1.–9. for seven problems) lose a tie to its answers (1)–7)).
        return hits.size() - 0.25 * repeats - 0.1 * unknown;
    }

    /**
     * A sheet that starts its numbering again under each section title ("二、计算题" then 1.–5.), as the numbers
     * run through the whole problem set: null when the numbering does not restart at section titles only.
     */
    private static List<Heading> renumberedBySection(List<String> lines, List<Heading> headings) {
        List<Heading> out = new ArrayList<>();
        int offset = 0;
        int sectionMax = 0;
        boolean restarted = false;
        for (int i = 0; i < headings.size(); i++) {
            Heading h = headings.get(i);
            if (h.number().contains(".")) {
                return null;
            }
            if (i > 0 && h.major() <= headings.get(i - 1).major()) {
                if (h.major() != 1 || !sectionBetween(lines, headings.get(i - 1).line(), h.line())) {
                    return null;
                }
                offset += sectionMax;
                sectionMax = 0;
                restarted = true;
            }
            sectionMax = Math.max(sectionMax, h.major());
            out.add(new Heading(h.line(), Integer.toString(h.major() + offset), h.style(), h.rest()));
        }
        return restarted ? out : null;
    }

    private static boolean sectionBetween(List<String> lines, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (isSectionHeading(lines.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A problem the chosen style missed, numbered in another style where it belongs ("1. (B)" before "2a)",
     * "3b)"): taken when it is the only heading for that number between its neighbours, and nothing else of its
     * style there is numbered out of place (a list "1. 2. 3." inside an answer is not a heading).
     */
    private static void fillGaps(List<Heading> chosen, List<Heading> all, Style chosenStyle, Set<String> known) {
        for (String number : known) {
            if (number.contains(".") || chosen.stream().anyMatch(h -> h.number().equals(number))) {
                continue;
            }
            int k = majorOf(number);
            int from = -1;
            int to = Integer.MAX_VALUE;
            int low = 0;
            int high = Integer.MAX_VALUE;
            for (Heading h : chosen) {
                if (h.major() < k && h.major() >= low) {
                    from = h.line();
                    low = h.major();
                } else if (h.major() > k && h.major() < high) {
                    to = h.line();
                    high = h.major();
                }
            }
            if (from >= to) {
                continue;
            }
            int start = from;
            int end = to;
            int lo = low;
            int hi = high;
            List<Heading> inGap = all.stream().filter(h -> h.style() != chosenStyle && h.line() > start
                    && h.line() < end).toList();
            List<Heading> match = inGap.stream().filter(h -> h.number().equals(number)).toList();
            if (match.size() == 1 && inGap.stream().filter(h -> h.style() == match.get(0).style())
                    .allMatch(h -> h.major() > lo && h.major() < hi)) {
                chosen.add(match.get(0));
            }
        }
        chosen.sort(Comparator.comparingInt(Heading::line));
    }

    /** A sub-part's label at the start of a line: "(a)", "（1）", "b)". */
    private static final Pattern SUB_PART = Pattern.compile("^\\s*[(（]?([a-h]|[1-9])[)）]");
    private static final List<String> SUB_ORDERS = List.of("abcdefgh", "123456789");

    /** How many sub-parts a problem's stem sets out, labelled in order from (a) or (1); 0 when none. */
    public static int subParts(String stem) {
        int best = 0;
        for (String order : SUB_ORDERS) {
            int next = 0;
            for (String line : Texts.lines(stem)) {
                Matcher m = SUB_PART.matcher(line);
                if (m.find() && next < order.length() && m.group(1).equals(String.valueOf(order.charAt(next)))) {
                    next++;
                }
            }
            best = Math.max(best, next >= 2 ? next : 0);
        }
        return best;
    }

    /**
     * A sheet that numbers every sub-part on its own ("Answer 1." to "Answer 13." for seven problems with thirteen
     * parts): the headings counted back onto the problems, each problem's first part starting it and the others
     * left inside it. Unchanged unless the numbers run 1, 2, 3… to exactly the number of parts.
     */
    public static List<Heading> perSubPart(List<Heading> headings, List<String> problems, Map<String, Integer> parts) {
        int total = problems.stream().mapToInt(n -> Math.max(1, parts.getOrDefault(n, 0))).sum();
        if (total <= problems.size() || headings.size() != total) {
            return headings;
        }
        for (int i = 0; i < headings.size(); i++) {
            if (!headings.get(i).number().equals(Integer.toString(i + 1))) {
                return headings;
            }
        }
        List<Heading> out = new ArrayList<>();
        int at = 0;
        for (String n : problems) {
            Heading first = headings.get(at);
            out.add(new Heading(first.line(), n, first.style(), first.rest()));
            at += Math.max(1, parts.getOrDefault(n, 0));
        }
        return out;
    }

    private static Map<Style, List<Heading>> group(List<Heading> all) {
        Map<Style, List<Heading>> byStyle = new HashMap<>();
        for (Heading h : all) {
            byStyle.computeIfAbsent(h.style(), s -> new ArrayList<>()).add(h);
        }
        byStyle.values().forEach(l -> l.sort(Comparator.comparingInt(Heading::line)));
        return byStyle;
    }

    /** Explicit problem markers (headings, "Problem 3", "第3题") outweigh a plain numbered list. */
    private static double weight(Style style) {
        return switch (style) {
            case MARKDOWN -> 2.0;
            case PROBLEM_WORD, Q, CHINESE_DI -> 1.5;
            case CIRCLED, CHINESE_ENUM, DOT -> 1.0;
            case DOTTED, PAREN_CLOSE -> 0.9;
            case PAREN, TABLE_ROW, BOLD_NUMBER -> 0.8;
            case COUNTED -> 0.5;
        };
    }

    private static double score(List<Heading> headings) {
        Set<String> distinct = new HashSet<>();
        int repeats = 0;
        int lastMajor = 0;
        int backwards = 0;
        for (Heading h : headings) {
            if (!distinct.add(h.number())) {
                repeats++;
            }
            if (h.major() < lastMajor) {
                backwards++;
            }
            lastMajor = h.major();
        }
        double score = distinct.size();
        return repeats > 0 || backwards > 0 ? score / 2 - 0.01 * (repeats + backwards) : score;
    }

    static int majorOf(String number) {
        int dot = number.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? number : number.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** "３" → "3", "十二" → "12", "1.2" stays; null when it is not a plausible problem number. */
    static String normalise(String raw) {
        String s = raw.strip();
        StringBuilder ascii = new StringBuilder();
        for (char c : s.toCharArray()) {
            ascii.append(c >= '０' && c <= '９' ? (char) ('0' + (c - '０')) : c);
        }
        s = ascii.toString();
        if (s.length() == 1 && s.charAt(0) >= '\u2460' && s.charAt(0) <= '\u2473') {
            return Integer.toString(s.charAt(0) - '\u2460' + 1);
        }
        // "4-1" (chapter 4, problem 1) is numbered like "4.1"; "1.0" is problem 1.
        s = s.replace('-', '.').replaceFirst("^(\\d{1,3})\\.0$", "$1");
        int word = WORD_NUMBERS.indexOf(s.toLowerCase(Locale.ROOT));
        if (word >= 0) {
            return Integer.toString(word + 1);
        }
        if (s.matches("\\d{1,3}(\\.\\d{1,2})?")) {
            String major = s.contains(".") ? s.substring(0, s.indexOf('.')) : s;
            int n = Integer.parseInt(major);
            if (n < 1 || n > 300) {
                return null;
            }
            return s.contains(".") ? n + s.substring(s.indexOf('.')) : Integer.toString(n);
        }
        if (s.matches("[IVX]{1,5}")) {
            int roman = roman(s);
            return roman < 1 || roman > 40 ? null : Integer.toString(roman);
        }
        int value = chinese(s);
        return value < 1 || value > 300 ? null : Integer.toString(value);
    }

    /** "IV" → 4; 0 when the letters are not a Roman numeral written the usual way. */
    static int roman(String s) {
        int total = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = romanDigit(s.charAt(i));
            int next = i + 1 < s.length() ? romanDigit(s.charAt(i + 1)) : 0;
            total += v < next ? -v : v;
        }
        StringBuilder canonical = new StringBuilder();
        int rest = total;
        int[] values = { 10, 9, 5, 4, 1 };
        String[] symbols = { "X", "IX", "V", "IV", "I" };
        for (int k = 0; k < values.length; k++) {
            while (rest >= values[k]) {
                canonical.append(symbols[k]);
                rest -= values[k];
            }
        }
        return canonical.toString().equals(s) ? total : 0;
    }

    private static int romanDigit(char c) {
        return c == 'X' ? 10 : c == 'V' ? 5 : 1;
    }

    static int chinese(String s) {
        String digits = "零一二三四五六七八九";
        int total = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = c == '两' ? 2 : digits.indexOf(c);
            if (d >= 0) {
                current = d;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            } else {
                return -1;
            }
        }
        return total + current;
    }
}
