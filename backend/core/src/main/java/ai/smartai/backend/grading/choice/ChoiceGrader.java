package ai.smartai.backend.grading.choice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.Grader;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.grading.VerifiedFact;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;

/**
 * Multiple choice by the answer key. Multi-answer rule (docs/grading.md): exactly the key's letters earn full marks;
 * a proper subset of them with no wrong letter earns half; any wrong letter earns nothing. A key that states its own
 * rule (what a subset earns, or points off per wrong or missing letter) is applied instead.
 */
@ApplicationScoped
public class ChoiceGrader implements Grader {

    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:\\*\\*)?(?:我的)?(?:最终)?(?:答案|答|选择|选项|应选|选|answer|ans|my answer|the answer is|i choose|choice)"
                    + "(?:\\*\\*)?\\s*(?:是|为)?\\s*[:：]?\\s*",
            Pattern.CASE_INSENSITIVE);
    /** "C. 分片" or "(C) 分片": a letter that heads the line, followed by the option's text. */
    private static final Pattern HEADED = Pattern.compile("^[(（]?([A-Ha-h])[)）.．、:：]\\s*\\S");
    /** An option's letter in a stem: "A. 7", "(B) O(n)", "C、8". */
    private static final Pattern OPTION = Pattern.compile("(?<![A-Za-z0-9])[(（]?([A-H])[)）.．、:：]\\s*");
    /** The letter token heading an answer line, with its punctuation or dash. */
    private static final Pattern HEAD_TOKEN = Pattern.compile("[(（]?[A-Ha-h][)）.．、:：]?\\s*[—–-]*\\s*");
    /** "C — one loop is n …": a capital letter set off by a dash. */
    private static final Pattern HEAD_DASH = Pattern.compile("^[(（]?([A-Ha-h])[)）]?\\s*[—–-]+\\s*\\S");
    /** "B（二叉堆：O((V+E) log V)）", "B (binary heap)": a capital letter with its reason in brackets. */
    private static final Pattern HEAD_PAREN = Pattern.compile("^[(（]?([A-Ha-h])[)）]?\\s*[（(](?![)）])");
    /** A phrase inside a sentence that announces the choice: the letters right after it are the answer. */
    private static final Pattern PHRASE = Pattern.compile(
            "(?:the answer is|answer is|answer:|i choose|i pick|i'd choose"
                    + "|i would choose|it's|it is|(?<!不)选择|答案(?:是|为|应为)?[:：]?|(?<!不)选)\\s*",
            Pattern.CASE_INSENSITIVE);
    /** A run of option letters and separators that ends where a delimiter or the text does. */
    private static final Pattern LEADING = Pattern.compile(
            "((?:[(（]?[A-H][)）]?(?:\\s*(?:[,，、/&和与及]|and)\\s*)?)+)(?=$|[\\s.。,，;；:：!！?？)）—–-])");
    /** Letters standing alone, not inside a word. */
    private static final Pattern LETTER = Pattern.compile("(?<![A-Za-z])([A-H])(?![A-Za-z])");
    /** Lines and characters read: a choice answer is short, and nothing here may scale with hostile input. */
    static final int MAX_LINES = 40;
    static final int MAX_LINE = 300;

    @Override
    public GradeMethod method() {
        return GradeMethod.CHOICE;
    }

    @Override
    public GradeResult grade(GradingInput in) {
        double max = in.maxScore();
        if (in.correctChoices().isEmpty()) {
            return GradeResult.awaitingTeacher(in, Message.of(MessageCode.REVIEW_CHOICE_NO_KEY),
                    List.of(new Evidence("choice-key", Message.of(MessageCode.EV_CHOICE_NO_KEY), null)));
        }
        Reading reading = read(in.answer(), in.correctChoices().size() == 1, options(in.stem()));
        if (reading.letters().isEmpty()) {
            return GradeResult.none(max, Message.of(MessageCode.REVIEW_CHOICE_UNREAD),
                    in.say("未能识别所选选项，待老师评分。", "Your chosen option could not be read; a teacher will grade it."),
                    List.of(new Evidence("choice-read", Message.of(MessageCode.EV_CHOICE_UNREAD, shorten(in.answer())),
                            null)));
        }
        TreeSet<String> key = new TreeSet<>(in.correctChoices());
        TreeSet<String> chosen = reading.letters();
        List<String> wrong = chosen.stream().filter(l -> !key.contains(l)).toList();
        List<String> missing = key.stream().filter(l -> !chosen.contains(l)).toList();
        OptionalDouble perLetter = perOption(in);
        double score;
        MessageCode rule;
        if (wrong.isEmpty() && missing.isEmpty()) {
            score = max;
            rule = MessageCode.CHOICE_RULE_MATCHES;
        } else if (key.size() > 1 && perLetter.isPresent()) {
            // The key's own rule: points off per wrong or missing letter.
            score = Math.max(0, max - perLetter.getAsDouble() * (wrong.size() + missing.size()));
            rule = wrong.isEmpty() ? MessageCode.CHOICE_RULE_SUBSET : null;
        } else if (wrong.isEmpty() && key.size() > 1) {
            score = Math.min(max, subset(in).orElse(max / 2));
            rule = MessageCode.CHOICE_RULE_SUBSET;
        } else {
            score = 0;
            rule = wrong.isEmpty() ? MessageCode.CHOICE_RULE_MISMATCH : null;
        }
        List<String> unknown = in.choices().isEmpty() ? List.of()
                : chosen.stream().filter(l -> !in.choices().contains(l)).toList();
        String chose = String.join(", ", chosen);
        String keyed = String.join(", ", key);
        String wrongs = String.join(", ", wrong);
        String unknowns = String.join(", ", unknown);
        Message found = unknown.isEmpty()
                ? rule == null ? Message.of(MessageCode.EV_CHOICE_WRONG, chose, keyed, wrongs)
                        : Message.of(MessageCode.EV_CHOICE, chose, keyed, rule)
                : rule == null ? Message.of(MessageCode.EV_CHOICE_WRONG_UNKNOWN, chose, keyed, wrongs, unknowns)
                        : Message.of(MessageCode.EV_CHOICE_UNKNOWN, chose, keyed, rule, unknowns);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.itemised("choice-key", found, List.of(Message.of(MessageCode.EVD_CHOICE_READ,
                shorten(in.answer())))));
        List<Message> review = new ArrayList<>();
        double confidence = reading.clean() ? 0.99 : 0.9;
        if (!reading.clean()) {
            // Letters picked out of a sentence may be the student's discussion of an option, not the choice.
            review.add(Message.of(MessageCode.REVIEW_CHOICE_FROM_SENTENCE));
            confidence = 0.6;
        }
        if (key.size() == 1 && chosen.size() > 1) {
            review.add(Message.of(MessageCode.REVIEW_CHOICE_SEVERAL));
            confidence = 0.7;
        }
        String comment = score == max ? in.say("正确。", "Correct.")
                : in.say("所选 " + String.join("、", chosen) + "，正确答案为 " + String.join("、", key) + "。",
                        "You chose " + String.join(", ", chosen) + "; the correct answer is " + String.join(", ", key)
                                + ".");
        return new GradeResult(score, max, confidence, GradeMethod.CHOICE, evidence, comment, review,
                List.of(VerifiedFact.whole(max > 0 ? score / max : 0,
                        "option letters " + chosen + " read and compared with the key "
                                + key)));
    }

    /** What the key says a proper subset of its letters earns ("少选得2分"); else the default, half. */
    private static OptionalDouble subset(GradingInput in) {
        return in.policies().stream().filter(p -> p.kind() == PolicyKind.CHOICE_SUBSET && p.amount() != null)
                .mapToDouble(KeyPolicy::amount).findFirst();
    }

    /** The key's deduction per wrong or missing letter, when it states one. */
    private static OptionalDouble perOption(GradingInput in) {
        return in.policies().stream().filter(p -> p.kind() == PolicyKind.CHOICE_PER_OPTION && p.amount() != null)
                .mapToDouble(KeyPolicy::amount).findFirst();
    }

    /** The letters a student chose, and whether the answer was nothing but letters. */
    public record Reading(TreeSet<String> letters, boolean clean) {
    }

    /** The reading of an answer whose problem may have several correct options: no letter heading prose counts. */
    public static Reading read(String answer) {
        return read(answer, false, Map.of());
    }

    /**
     * The letters a student chose. Clean readings, which need no review: a line of letters alone (emphasis and a
     * closing full stop aside), letters right after an answer phrase ("Answer: B (because …)", "选 ABD。", "so the
     * answer is **(B)**"), and, on a single-answer problem, a letter heading the answer's first line ("(B) O(n) — the
     * loops …") when no other line heads with another letter, which would make it a walk through the options.
     */
    public static Reading read(String answer, boolean singleAnswer, Map<String, String> options) {
        String[] lines = answer.strip().split("\n", MAX_LINES + 1);
        int count = Math.min(lines.length, MAX_LINES);
        for (int i = 0; i < count; i++) {
            String raw = lines[i].length() > MAX_LINE ? lines[i].substring(0, MAX_LINE) : lines[i];
            String plain = unemphasised(raw);
            String line = PREFIX.matcher(plain).replaceFirst("").strip();
            if (line.isEmpty()) {
                continue;
            }
            TreeSet<String> only = onlyLetters(line);
            if (only != null) {
                return new Reading(only, true);
            }
            if (line.length() < plain.length()) {
                Reading led = led(line);
                if (led != null) {
                    return led;
                }
            }
            Matcher phrase = PHRASE.matcher(plain);
            while (phrase.find()) {
                Reading led = led(plain.substring(phrase.end()));
                if (led != null) {
                    return led;
                }
            }
            TreeSet<String> letters = new TreeSet<>();
            String head = heading(line);
            if (head != null) {
                letters.add(head);
                return new Reading(letters, singleAnswer && noOtherHeading(lines, count, i, head)
                        && !namesAnotherOption(line, head, options));
            }
            Matcher m = LETTER.matcher(line);
            while (m.find()) {
                letters.add(m.group(1));
            }
            if (!letters.isEmpty()) {
                return new Reading(letters, false);
            }
        }
        return new Reading(new TreeSet<>(), false);
    }

    /** The line without Markdown emphasis or inline-code marks and dollar signs, which never change the choice. */
    private static String unemphasised(String line) {
        return line.replace("$", "").replace("**", "").replace("__", "").replace("`", "").strip();
    }

    /** "(B) merge sort" after "(A) insertion sort and": a further option letter in brackets, joined by "and" or a comma. */
    private static final Pattern LISTED = Pattern.compile("(?:[,，、&;；]|\\band\\b|和|及|与)\\s*[(（]([A-H])[)）]");
    private static final Pattern BRACKETED = Pattern.compile("[(（]([A-H])[)）]");

    /**
     * The letters of a token that opens the text ("B", "(B)", "ABD", "A、C") when a delimiter or the end follows it,
     * and those listed after their options' words ("(A) insertion sort and (B) merge
     * sort"); clean unless a bracketed letter that is not listed with "and" or a comma follows.
     */
    private static Reading led(String text) {
        Matcher m = LEADING.matcher(text.strip());
        if (!m.lookingAt()) {
            return null;
        }
        TreeSet<String> letters = onlyLetters(m.group(1));
        if (letters == null) {
            return null;
        }
        String rest = text.strip().substring(m.end());
        int bracketed = 0;
        int listed = 0;
        for (Matcher b = BRACKETED.matcher(rest); b.find();) {
            bracketed++;
        }
        for (Matcher l = LISTED.matcher(rest); l.find();) {
            letters.add(l.group(1));
            listed++;
        }
        // "(A) is wrong since …" after the choice discusses another option: the choice stands, the teacher confirms.
        return new Reading(letters, bracketed == listed);
    }

    /**
     * The options' texts as the stem lists them ("A. 7　　B. 6", "(A) O(1)  (B) O(n)"), by letter; empty when the stem
     * does not list them in order from A.
     */
    static Map<String, String> options(String stem) {
        Map<String, String> out = new LinkedHashMap<>();
        if (stem == null) {
            return out;
        }
        for (String line : stem.split("\n", MAX_LINES * 4)) {
            Matcher m = OPTION.matcher(line);
            List<int[]> marks = new ArrayList<>();
            while (m.find()) {
                marks.add(new int[] { m.start(), m.end(), m.group(1).charAt(0) });
            }
            for (int k = 0; k < marks.size(); k++) {
                String letter = String.valueOf((char) marks.get(k)[2]);
                if (out.containsKey(letter) || letter.charAt(0) != 'A' + out.size()) {
                    break;
                }
                int end = k + 1 < marks.size() ? marks.get(k + 1)[0] : line.length();
                out.put(letter, line.substring(marks.get(k)[1], end).replace('\u3000', ' ').strip());
            }
        }
        return out.size() >= 2 ? out : Map.of();
    }

    /**
     * Whether the text after a heading letter is another option's text rather than its own ("B. 7" when B is 6 and A
     * is 7): the letter and what the student meant disagree, which is the teacher's call.
     */
    static boolean namesAnotherOption(String line, String letter, Map<String, String> options) {
        String own = options.get(letter);
        if (own == null || own.isEmpty()) {
            return false;
        }
        Matcher head = HEAD_TOKEN.matcher(line);
        String rest = head.lookingAt() ? line.substring(head.end()).strip() : line;
        if (startsWithWord(rest, own)) {
            return false;
        }
        return options.entrySet().stream().anyMatch(o -> !o.getKey().equals(letter) && !o.getValue().isEmpty()
                && startsWithWord(rest, o.getValue()));
    }

    private static boolean startsWithWord(String text, String word) {
        if (!text.startsWith(word)) {
            return false;
        }
        if (text.length() == word.length()) {
            return true;
        }
        char next = text.charAt(word.length());
        return !Character.isLetterOrDigit(next) && next != '.' && next != '(';
    }

    /** The option letter heading the line ("C. 分片", "(B) O(n)", "C — one loop", "B（…）"), or null. */
    private static String heading(String line) {
        Matcher m = HEADED.matcher(line);
        if (m.find()) {
            return m.group(1).toUpperCase(Locale.ROOT);
        }
        m = HEAD_DASH.matcher(line);
        if (m.find()) {
            return m.group(1).toUpperCase(Locale.ROOT);
        }
        m = HEAD_PAREN.matcher(line);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    /** Whether no other line of the answer heads with an option letter other than {@code letter}. */
    private static boolean noOtherHeading(String[] lines, int count, int from, String letter) {
        for (int j = from + 1; j < count; j++) {
            String other = heading(unemphasised(lines[j]));
            if (other != null && !other.equals(letter)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the line is nothing but option letters ("B", "(A)(C)", "A, C", "A and C", "A、C。"), collecting them. A
     * single left-to-right scan: the regular expression this replaces recursed once per letter and overflowed the
     * stack on a long run of letters.
     */
    static TreeSet<String> onlyLetters(String line) {
        TreeSet<String> letters = new TreeSet<>();
        String run = line.strip();
        if (run.length() >= 2 && run.length() <= 8 && run.chars().allMatch(c -> c >= 'A' && c <= 'H')
                && run.chars().distinct().count() == run.length()) {
            // "ABD": several options written together, as multi-answer keys and students often do.
            run.chars().forEach(c -> letters.add(String.valueOf((char) c)));
            return letters;
        }
        String s = line.replaceAll("(?i)(?<![A-Za-z])and(?![A-Za-z])", " ");
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '。'
                || Character.isWhitespace(s.charAt(end - 1)))) {
            end--;
        }
        boolean expectLetter = true;
        int i = 0;
        while (i < end) {
            char c = s.charAt(i);
            if (expectLetter) {
                if (c == '(' || c == '（') {
                    i++;
                    if (i >= end) {
                        return null;
                    }
                    c = s.charAt(i);
                }
                char upper = Character.toUpperCase(c);
                if (upper < 'A' || upper > 'H') {
                    return null;
                }
                letters.add(String.valueOf(upper));
                i++;
                if (i < end && (s.charAt(i) == ')' || s.charAt(i) == '）')) {
                    i++;
                }
                expectLetter = false;
            } else if (Character.isWhitespace(c) || ",，、/&;；和与及".indexOf(c) >= 0) {
                i++;
                while (i < end && (Character.isWhitespace(s.charAt(i)) || ",，、/&;；和与及".indexOf(s.charAt(i)) >= 0)) {
                    i++;
                }
                expectLetter = true;
            } else if (c == '(' || c == '（') {
                expectLetter = true;
            } else {
                return null;
            }
        }
        // A line that ends on a separator ("A,") or has no letter is not a clean list.
        return letters.isEmpty() || expectLetter ? null : letters;
    }

    static String shorten(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 80 ? one.substring(0, 80) + "…" : one;
    }
}
