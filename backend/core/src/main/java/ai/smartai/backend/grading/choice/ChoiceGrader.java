package ai.smartai.backend.grading.choice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

/**
 * Multiple choice by the answer key. Multi-answer rule (docs/grading.md): exactly the key's letters earn full marks;
 * a proper subset of them with no wrong letter earns half; any wrong letter earns nothing.
 */
@ApplicationScoped
public class ChoiceGrader implements Grader {

    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:\\*\\*)?(?:我的)?(?:最终)?(?:答案|答|选择|选项|应选|选|answer|ans|my answer|the answer is|i choose|choice)"
                    + "(?:\\*\\*)?\\s*(?:是|为)?\\s*[:：]?\\s*",
            Pattern.CASE_INSENSITIVE);
    /** "C. 分片" or "(C) 分片": a letter that heads the line, followed by the option's text. */
    private static final Pattern HEADED = Pattern.compile("^[(（]?([A-Ha-h])[)）.．、:：]\\s*\\S");
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
        Reading reading = read(in.answer());
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
        double score;
        MessageCode rule;
        if (wrong.isEmpty() && missing.isEmpty()) {
            score = max;
            rule = MessageCode.CHOICE_RULE_MATCHES;
        } else if (wrong.isEmpty() && key.size() > 1) {
            score = max / 2;
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
        evidence.add(new Evidence("choice-key", found, "read from: " + shorten(in.answer())));
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

    /** The letters a student chose, and whether the answer was nothing but letters. */
    public record Reading(TreeSet<String> letters, boolean clean) {
    }

    public static Reading read(String answer) {
        String[] lines = answer.strip().split("\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String raw = lines[i].length() > MAX_LINE ? lines[i].substring(0, MAX_LINE) : lines[i];
            String line = PREFIX.matcher(raw.strip().replace("$", "")).replaceFirst("").strip();
            if (line.isEmpty()) {
                continue;
            }
            TreeSet<String> only = onlyLetters(line);
            if (only != null) {
                return new Reading(only, true);
            }
            TreeSet<String> letters = new TreeSet<>();
            Matcher headed = HEADED.matcher(line);
            if (headed.find()) {
                letters.add(headed.group(1).toUpperCase(Locale.ROOT));
                return new Reading(letters, false);
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
