package ai.smartai.backend.grading.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.problem.DefaultRubrics;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.common.Scores;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.RubricItem;

/**
 * Scores an answer by the claims it covers. A rubric the teacher wrote is scored line by line (each line is a claim);
 * the default rubric is scored by the reference's own sentences.
 */
public final class ClaimScoring {

    private ClaimScoring() {
    }

    /** Whether the rubric is the generated default (its lines say nothing specific to check). */
    public static boolean isDefault(GradingInput in) {
        return in.rubric().isEmpty() || in.rubric().equals(DefaultRubrics.forType(in.type(), in.maxScore(),
                in.language()));
    }

    /**
     * The reference's own claims: all its sentences, without a restatement of the problem. All of them: a proof's
     * conclusion is its last claim, and a cut-off list made a mid-proof sentence the conclusion.
     */
    public static List<String> referenceClaims(String reference) {
        List<String> claims = new ArrayList<>();
        for (String s : ClaimMatcher.claimSentences(reference)) {
            if (s.matches("^(证明|求证|证|proof|prove)[:：].*") || s.length() < 6) {
                continue;
            }
            claims.add(s);
        }
        return claims;
    }

    /** A review reason when the answer is written in another language than the problem (zh/en). */
    public static Optional<Message> languageMismatch(GradingInput in) {
        String text = in.answer();
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        long latin = text.codePoints().filter(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')).count();
        boolean answerZh = han > 0 && han * 3 >= latin / 4;
        if (answerZh == in.chinese() || text.strip().length() < 20) {
            return Optional.empty();
        }
        return Optional.of(Message.of(MessageCode.REVIEW_LANGUAGE_MISMATCH, answerZh ? MessageCode.LANGUAGE_ZH
                : MessageCode.LANGUAGE_EN, in.chinese() ? MessageCode.LANGUAGE_ZH : MessageCode.LANGUAGE_EN));
    }

    /** Line-by-line scoring of a teacher's rubric. */
    public static GradeResult byRubricLines(GradingInput in, ClaimMatcher matcher, GradeMethod method,
            List<Message> extraReview) {
        List<String> sentences = ClaimMatcher.sentences(in.answer());
        double total = in.rubric().stream().mapToDouble(RubricItem::points).sum();
        double scale = total == 0 ? 0 : in.maxScore() / total;
        double earned = 0;
        List<Message> lines = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (RubricItem item : in.rubric()) {
            ClaimMatcher.Match m = matcher.match(item.description(), sentences, in.answer(), in.chinese());
            double points = m.coverage() * item.points() * scale;
            earned += points;
            // The item's line, then what the match rests on, each a line of its own.
            lines.add(Message.of(MessageCode.EVD_RUBRIC_MATCH, item.description(), Scores.format(points),
                    Scores.format(item.points() * scale), Scores.format(m.similarity())));
            if (!m.termsFound().isEmpty()) {
                lines.add(Message.of(MessageCode.EVD_TERMS_FOUND, m.termsFound()));
            }
            if (!m.termsMissing().isEmpty()) {
                lines.add(Message.of(MessageCode.EVD_TERMS_MISSING, m.termsMissing()));
            }
            if (!m.sentence().isEmpty()) {
                lines.add(Message.of(MessageCode.EVD_BEST_MATCH, shorten(m.sentence())));
            }
            if (m.uncertain()) {
                uncertain.add(item.description());
            }
            if (m.coverage() <= 0.2) {
                missing.add(item.description());
            }
        }
        List<Evidence> evidence = List.of(Evidence.itemised("key-points", Message.of(MessageCode.EV_KEY_POINTS_COVERED,
                Scores.format(earned), Scores.format(in.maxScore())), lines));
        List<Message> review = new ArrayList<>(extraReview);
        languageMismatch(in).ifPresent(review::add);
        if (!uncertain.isEmpty()) {
            review.add(Message.of(MessageCode.REVIEW_UNCERTAIN_MATCH, String.join("; ", uncertain)));
        }
        double confidence = 0.85 - 0.35 * uncertain.size() / Math.max(1, in.rubric().size());
        String comment = comment(in, in.maxScore() > 0 ? earned / in.maxScore() : 0, missing);
        return new GradeResult(earned, in.maxScore(), confidence, method, evidence, comment, review);
    }

    /**
     * The comment to the student, from the same coverage that decides the score: "covered" only when the points were
     * found, the missing ones named, and nothing claimed when neither is the case.
     */
    public static String comment(GradingInput in, double covered, List<String> missing) {
        if (!missing.isEmpty()) {
            return in.say("未涉及或未找到：" + String.join("；", missing) + "。",
                    "Not addressed or not found: " + String.join("; ", missing) + ".");
        }
        if (covered >= 0.8) {
            return in.say("要点基本齐全。", "The key points are covered.");
        }
        return covered <= 0.2 ? in.say("未找到参考答案的要点。", "The key points of the reference were not found.")
                : in.say("要点只部分涉及。", "The key points are only partly addressed.");
    }

    /** Coverage of the reference's claims, as a fraction, with evidence lines quoting the answer. */
    public static Coverage claims(GradingInput in, ClaimMatcher matcher, List<String> claims) {
        List<String> sentences = ClaimMatcher.sentences(in.answer());
        double sum = 0;
        List<Message> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        for (String claim : claims) {
            ClaimMatcher.Match m = matcher.match(claim, sentences, in.answer(), in.chinese());
            sum += m.coverage();
            lines.add(line(m.coverage(), claim, m.similarity(), m.coverage() > 0.2 ? m.sentence() : ""));
            if (m.coverage() <= 0.2) {
                missing.add(shorten(claim));
            } else if (m.uncertain()) {
                uncertain.add(shorten(claim));
            }
        }
        return new Coverage(claims.isEmpty() ? 0 : sum / claims.size(), lines, missing, uncertain);
    }

    public record Coverage(double fraction, List<Message> detail, List<String> missing, List<String> uncertain) {
    }

    /** A key point's line of the detail: covered (✓), missed (✗) or in between (~), and the sentence that covers it. */
    static Message line(double coverage, String point, double similarity, String sentence) {
        String mark = coverage >= 0.8 ? "✓" : coverage <= 0.2 ? "✗" : "~";
        return sentence.isEmpty() ? Message.of(MessageCode.EVD_CLAIM, mark, shorten(point), Scores.format(similarity))
                : Message.of(MessageCode.EVD_CLAIM_SENTENCE, mark, shorten(point), Scores.format(similarity),
                        shorten(sentence));
    }

    static String shorten(String s) {
        String one = s.strip().replace('\n', ' ');
        return one.length() > 60 ? one.substring(0, 60) + "…" : one;
    }
}
