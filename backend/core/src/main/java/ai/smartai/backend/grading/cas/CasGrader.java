package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
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
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.grading.Aspect;
import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.Grader;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.grading.RubricScore;
import ai.smartai.backend.grading.VerifiedFact;
import ai.smartai.backend.grading.cas.Cas.Expr;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.PolicyKind;

/**
 * Calculations by computer algebra. The rubric's aspects are decided as follows (docs/grading.md): result by
 * equivalence of the final answer(s) with the reference (symbolic, numeric, as an order-free set, or by truth table
 * for Boolean functions); method by how many of the reference's intermediate results appear in the working;
 * derivation by checking every step of each chain a = b = c.
 */
@ApplicationScoped
public class CasGrader implements Grader {

    @Inject
    Cas cas;

    @Override
    public GradeMethod method() {
        return GradeMethod.CAS;
    }

    @Override
    public GradeResult grade(GradingInput in) {
        if (BooleanAlgebra.isBooleanProblem(in.stem())) {
            GradeResult r = gradeBoolean(in);
            if (r != null) {
                return r;
            }
        }
        return gradeAlgebra(in);
    }

    // ---------------------------------------------------------------- algebra

    GradeResult gradeAlgebra(GradingInput in) {
        List<Evidence> evidence = new ArrayList<>();
        List<Message> review = new ArrayList<>();
        Map<Aspect, Double> decided = new LinkedHashMap<>();
        List<VerifiedFact> facts = new ArrayList<>();
        List<String> comment = new ArrayList<>();

        // Result: the key's labelled answer line when it has one, not the marking notes after it.
        String keyResult = in.hasReference() ? MathText.keyResult(in.referenceAnswer()) : "";
        // Blanks the key names in words ("Subnet mask: Answer: 255.255.255.192"), each value against its own.
        List<NamedBlanks.Blank> worded = in.hasReference() ? NamedBlanks.ofKey(in.referenceAnswer()) : List.of();
        List<String> keyFinals = worded.isEmpty() ? in.hasReference() ? MathText.finalAnswers(keyResult) : List.of()
                : worded.stream().map(NamedBlanks.Blank::value).toList();
        List<Expr> reference = parseValues(keyFinals);
        // When the key's result is "a_n = …", the student's result is their last "a_n = …", not any last equation.
        String asked = in.hasReference() && worded.isEmpty() ? MathText.finalSubject(keyResult) : null;
        List<String> studentTexts = asked != null ? MathText.valuesFor(in.answer(), asked)
                : MathText.finalAnswers(in.answer());
        List<String> named = !worded.isEmpty() ? NamedBlanks.answered(in.answer(), worded)
                : in.hasReference() ? namedValues(in.answer(), MathText.finalSubjects(keyResult)) : List.of();
        List<String> unpaired = new ArrayList<>();
        for (int i = 0; i < worded.size(); i++) {
            if (named.get(i) == null) {
                unpaired.add(worded.get(i).label());
            }
        }
        if (!unpaired.isEmpty()) {
            // A blank the answer names no value for is not a wrong value: with any value written, the teacher pairs.
            named = List.of();
            unpaired = in.answer().matches("(?s).*\\d.*") ? unpaired : List.of();
        }
        boolean pairedByName = reference.size() > 1 && named.size() == reference.size();
        if (pairedByName) {
            // "E(X) = 0.7，D(X) = 1.41": each quantity's value as the student last states it, against the key's.
            studentTexts = named;
        }
        if (reference.size() > 1 && studentTexts.size() == 1) {
            // Blanks filled on one line ("e^2    1", "(1) e²  (2) 1"): as many values as the key's, or none.
            List<String> blanks = MathText.blanks(studentTexts.get(0));
            studentTexts = blanks.size() == reference.size() ? blanks : studentTexts;
        }
        if (reference.size() > 1 && studentTexts.size() != reference.size() && !pairedByName) {
            // "512，$2^3=8$": the last line lists a value per blank, the last one worked out in place.
            List<String> listed = MathText.values(lastLine(in.answer()));
            studentTexts = listed.size() == reference.size() ? listed : studentTexts;
        }
        List<String> refused = new ArrayList<>();
        List<Expr> student = parseValues(studentTexts, refused);
        boolean resultCorrect = false;
        List<String> answerFinals = MathText.finalAnswers(in.answer());
        Optional<Units.Quantity> referenceQuantity = single(keyFinals).flatMap(Units::read);
        Optional<Units.Quantity> studentQuantity = referenceQuantity.isPresent()
                ? single(answerFinals).flatMap(Units::read) : Optional.empty();
        if ((referenceQuantity.isEmpty() || studentQuantity.isEmpty())
                && (percent(keyFinals) || percent(answerFinals))) {
            // "73.6%" against 0.736: one share. A percentage of one figure ("7%") is too coarse for a tool to accept.
            Optional<Units.Quantity> keyShare = single(keyFinals).flatMap(Units::ratio);
            Optional<Units.Quantity> share = single(answerFinals).flatMap(Units::ratio);
            if (keyShare.isPresent() && share.isPresent() && share.get().figures() >= 2) {
                referenceQuantity = keyShare;
                studentQuantity = share;
            }
        }
        List<List<String>> referenceTuples = in.hasReference() ? tuples(keyFinals)
                : List.of();
        List<List<String>> studentTuples = referenceTuples.isEmpty() ? List.of()
                : tuples(MathText.finalAnswers(in.answer()));
        List<Parts.KeyPart> keyParts = in.hasReference() ? Parts.ofKey(in.referenceAnswer()) : List.of();
        List<String> finals = studentTexts;
        if (!keyParts.isEmpty()) {
            // A key with a result per part: each part of the answer against its own, credited by the part's points.
            PartsOutcome parts = checkParts(in, keyParts, evidence, review, facts);
            finals = parts.values();
            resultCorrect = parts.correct();
            if (parts.share() != null) {
                decided.put(Aspect.RESULT, parts.share());
                facts.add(new VerifiedFact(Aspect.RESULT, parts.share(), "CAS: each part against the key's"));
                comment.add(resultCorrect ? in.say("各小问结果正确。", "Every part's result is correct.")
                        : in.say("部分小问的结果与参考答案不一致。", "Some parts' results differ from the reference."));
            }
        } else {
            Optional<Asymptotics.Bound> keyBound = in.hasReference()
                    ? Asymptotics.result(MathText.keyLine(in.referenceAnswer()), in.referenceAnswer())
                    : Optional.empty();
            Optional<Verdicts.Verdict> keyVerdict = in.hasReference() && reference.isEmpty()
                    ? Verdicts.ofKey(MathText.keyLine(in.referenceAnswer())) : Optional.empty();
            Optional<Verdicts.Verdict> studentVerdict = keyVerdict.isPresent() ? Verdicts.of(in.answer())
                    : Optional.empty();
            Optional<Boolean> verdict = studentVerdict.flatMap(v -> Verdicts.agree(keyVerdict.get(), v));
            List<Asymptotics.Bound> studentBounds = keyBound.isPresent() ? Asymptotics.on(keyBound.get(), in.answer())
                    : List.of();
            if (!studentBounds.isEmpty()) {
                // Θ(n lg n) against Θ(n log₂ n): by order of growth, which a CAS's equivalence does not test.
                Asymptotics.Bound ref = keyBound.get();
                Asymptotics.Bound mine = studentBounds.get(studentBounds.size() - 1);
                String how = Message.of(MessageCode.CAS_HOW_GROWTH).english();
                if (!mine.same(ref) && (mine.sameGrowth(ref) || studentBounds.stream().anyMatch(ref::same))) {
                    evidence.add(new Evidence("cas-result", Message.of(MessageCode.EV_CAS_NOT_COMPARABLE,
                            mine.written(), ref.written()), null));
                    review.add(Message.of(MessageCode.REVIEW_CAS_BOUND, mine.written(), ref.written()));
                } else {
                    resultCorrect = mine.same(ref);
                    decided.put(Aspect.RESULT, resultCorrect ? 1.0 : 0.0);
                    facts.add(new VerifiedFact(Aspect.RESULT, resultCorrect ? 1 : 0, "CAS: " + how));
                    evidence.add(new Evidence("cas-result", Message.of(resultCorrect ? MessageCode.EV_CAS_EQUIVALENT
                            : MessageCode.EV_CAS_NOT_EQUIVALENT, mine.written(), ref.written(), how), null));
                    comment.add(resultCorrect ? in.say("最终结果正确。", "The final result is correct.")
                            : in.say("最终结果与参考答案不一致（参考答案：" + ref.written() + "）。",
                                    "The final result differs from the reference (" + ref.written() + ")."));
                }
            } else if (!studentTuples.isEmpty() && !sameBrackets(MathText.finalAnswers(keyResult),
                    MathText.finalAnswers(in.answer()))) {
                // (0, 1) against [0, 1]: an interval's ends, or a list against a tuple; not for a tool to decide.
                evidence.add(new Evidence("cas-result", Message.of(MessageCode.EV_CAS_BRACKETS,
                        MathText.finalAnswers(in.answer()), MathText.finalAnswers(keyResult)), null));
                review.add(Message.of(MessageCode.REVIEW_CAS_BRACKETS));
            } else if (!studentTuples.isEmpty()) {
                // Tuples and vectors, component by component; eigenvectors up to a non-zero multiple.
                boolean upToScale = (in.stem() + " " + in.referenceAnswer()).matches("(?is).*(eigenvector|特征向量).*");
                TupleMatch t = matchTuples(referenceTuples, studentTuples, upToScale);
                Message how = Message.of(upToScale ? MessageCode.CAS_HOW_VECTORS : MessageCode.CAS_HOW_TUPLES,
                        t.matched(), referenceTuples.size());
                if (t.undecided()) {
                    evidence.add(new Evidence("cas-result", Message.of(MessageCode.EV_CAS_NOT_COMPARABLE,
                            studentTuples, referenceTuples), null));
                    review.add(Message.of(MessageCode.REVIEW_CAS_COMPONENT));
                } else {
                    double fraction = Math.max(0, (t.matched() - 0.5 * (studentTuples.size() - t.matched()))
                            / referenceTuples.size());
                    resultCorrect = fraction >= 1.0;
                    decided.put(Aspect.RESULT, fraction);
                    facts.add(new VerifiedFact(Aspect.RESULT, fraction, how.english()));
                    evidence.add(new Evidence("cas-result", Message.of(resultCorrect ? MessageCode.EV_CAS_EQUIVALENT
                            : MessageCode.EV_CAS_NOT_EQUIVALENT, studentTuples, referenceTuples, how.english()),
                            null));
                    comment.add(resultCorrect ? in.say("最终结果正确。", "The final result is correct.")
                            : in.say("最终结果与参考答案不一致。", "The final result differs from the reference."));
                }
            } else if (studentQuantity.isPresent()) {
                // Values with units: compared in SI, to the significant figures written.
                resultCorrect = Units.agree(studentQuantity.get(), referenceQuantity.get());
                String how = studentQuantity.get().shown() + " against " + referenceQuantity.get().shown()
                        + " after conversion to SI";
                decided.put(Aspect.RESULT, resultCorrect ? 1.0 : 0.0);
                facts.add(new VerifiedFact(Aspect.RESULT, resultCorrect ? 1 : 0, how));
                facts.add(new VerifiedFact(Aspect.UNIT, studentQuantity.get().dimension().equals(
                        referenceQuantity.get().dimension()) ? 1 : 0, "unit against the key's"));
                evidence.add(new Evidence("cas-result", Message.of(resultCorrect ? MessageCode.EV_CAS_EQUIVALENT
                        : MessageCode.EV_CAS_NOT_EQUIVALENT, studentQuantity.get().shown(),
                        referenceQuantity.get().shown(), "units converted; " + studentQuantity.get().dimension()),
                        null));
                comment.add(resultCorrect ? in.say("最终结果正确。", "The final result is correct.")
                        : in.say("最终结果与参考答案不一致（参考答案：" + referenceQuantity.get().shown() + "）。",
                                "The final result differs from the reference (" + referenceQuantity.get().shown()
                                        + ")."));
            } else if (verdict.isPresent()) {
                // "diverges" against "the series diverges by the ratio test": words, which no CAS compares.
                resultCorrect = verdict.get();
                String how = Message.of(MessageCode.CAS_HOW_VERDICT).english();
                decided.put(Aspect.RESULT, resultCorrect ? 1.0 : 0.0);
                facts.add(new VerifiedFact(Aspect.RESULT, resultCorrect ? 1 : 0, how));
                evidence.add(new Evidence("cas-result", Message.of(resultCorrect ? MessageCode.EV_CAS_EQUIVALENT
                        : MessageCode.EV_CAS_NOT_EQUIVALENT, studentVerdict.get().written(), keyVerdict.get().written(),
                        how), null));
                comment.add(resultCorrect ? in.say("结论正确。", "The conclusion is correct.")
                        : in.say("结论与参考答案不一致（参考答案：" + keyVerdict.get().written() + "）。",
                                "The conclusion differs from the reference (" + keyVerdict.get().written() + ")."));
            } else if (!unpaired.isEmpty()) {
                evidence.add(new Evidence("cas-result", Message.of(MessageCode.EV_CAS_BLANKS_UNPAIRED, worded.size(),
                        worded.size() - unpaired.size(), String.join(", ", unpaired)), null));
                unpaired.forEach(label -> review.add(Message.of(MessageCode.REVIEW_CAS_BLANK_UNPAIRED, label)));
            } else if (reference.isEmpty()) {
                evidence.add(new Evidence("cas-result", Message.of(MessageCode.EV_CAS_NO_REFERENCE), null));
            } else if (!refused.isEmpty()) {
                // Not read is not wrong: the result is left to the teacher, with the reason.
                evidence.add(new Evidence("cas-result", Message.of(MessageCode.EV_CAS_REFUSED, studentTexts,
                        refused.get(0)), null));
                review.add(Message.of(MessageCode.REVIEW_CAS_NOT_COMPARED, refused.get(0)));
            } else if (student.isEmpty()) {
                evidence.add(new Evidence("cas-result", studentTexts.isEmpty() ? asked == null
                        ? Message.of(MessageCode.EV_CAS_NO_FINAL) : Message.of(MessageCode.EV_CAS_NO_FINAL_FOR, asked)
                        : Message.of(MessageCode.EV_CAS_UNREADABLE, studentTexts), null));
                if (!studentTexts.isEmpty()) {
                    review.add(Message.of(MessageCode.REVIEW_CAS_UNREADABLE));
                } else {
                    decided.put(Aspect.RESULT, 0.0);
                    comment.add(in.say("未给出最终结果。", "No final result is given."));
                }
            } else {
                SetMatch match = matchSets(reference, student, definitions(in.answer()),
                        pairedByName && student.size() == reference.size());
                if (match.undecided() != null) {
                    evidence.add(Evidence.itemised("cas-result", Message.of(MessageCode.EV_CAS_NOT_COMPARABLE_WHY,
                            show(student), show(reference), match.undecided()), match.detail()));
                    review.add(Message.of(MessageCode.REVIEW_CAS_NOT_COMPARED, match.undecided()));
                } else {
                    decided.put(Aspect.RESULT, match.fraction());
                    facts.add(new VerifiedFact(Aspect.RESULT, match.fraction(), "CAS: " + match.how()));
                    resultCorrect = match.fraction() >= 1.0;
                    evidence.add(Evidence.itemised("cas-result",
                            Message.of(resultCorrect ? MessageCode.EV_CAS_EQUIVALENT
                                    : MessageCode.EV_CAS_NOT_EQUIVALENT, show(student), show(reference), match.how()),
                            match.detail()));
                    comment.add(resultCorrect ? in.say("最终结果正确。", "The final result is correct.")
                            : match.fraction() > 0 ? in.say("最终结果部分正确。", "The final result is partly correct.")
                                    : in.say("最终结果与参考答案不一致（参考答案：" + show(reference) + "）。",
                                            "The final result differs from the reference (" + show(reference) + ")."));
                }
            }

            if (referenceQuantity.isPresent() && studentQuantity.isEmpty()) {
                facts.add(new VerifiedFact(Aspect.UNIT, 0, "the key's result has a unit; the answer's has none"));
                review.add(Message.of(MessageCode.REVIEW_CAS_UNIT, referenceQuantity.get().shown()));
            }
        }

        Working working = working(in.answer(), finals);
        // Method: the reference's intermediate results found in the working.
        List<Expr> keyResults = keyResults(in.referenceAnswer());
        int keyResultsFound = 0;
        if (!keyResults.isEmpty()) {
            List<double[]> studentPrints = new ArrayList<>();
            for (Expr e : allSides(in.answer())) {
                studentPrints.add(cas.fingerprint(e));
            }
            List<String> found = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            // The key's result itself, or a sum that comes to it, is no step of a method: a right number reaches it.
            List<double[]> resultPrints = resultPrints(keyFinals);
            int steps = 0;
            int stepsFound = 0;
            for (Expr k : keyResults) {
                double[] kp = cas.fingerprint(k);
                boolean hit = studentPrints.stream().anyMatch(sp -> Cas.sameFingerprint(kp, sp));
                (hit ? found : missing).add(k.source());
                if (resultPrints.stream().noneMatch(r -> Cas.sameFingerprint(kp, r))) {
                    steps++;
                    stepsFound += hit ? 1 : 0;
                }
            }
            keyResultsFound = found.size();
            double f = (double) found.size() / keyResults.size();
            if (f >= 1.0) {
                facts.add(new VerifiedFact(Aspect.METHOD, 1, "every intermediate result of the reference is in the "
                        + "working"));
            }
            if (resultCorrect && (!found.isEmpty() || working != Working.NONE)) {
                // A correct result reached by working of one's own shows a working method.
                f = 1.0;
                if (stepsFound * 2 < steps && warnsOfCoincidence(in)) {
                    // ... unless most of the key's steps are not in it and the key warns that a wrong formula can
                    // give the right number ("A_5^5 = 120" for A_5^4 = 120): that reads the same as a right one.
                    review.add(Message.of(MessageCode.REVIEW_CAS_OTHER_METHOD));
                }
            }
            decided.put(Aspect.METHOD, f);
            List<Message> lines = new ArrayList<>();
            if (!found.isEmpty()) {
                lines.add(Message.of(MessageCode.EVD_KEY_RESULTS_FOUND, maths(found)));
            }
            if (!missing.isEmpty()) {
                lines.add(Message.of(MessageCode.EVD_KEY_RESULTS_MISSING, maths(missing)));
            }
            evidence.add(Evidence.itemised("cas-key-results", Message.of(MessageCode.EV_CAS_KEY_RESULTS, found.size(),
                    keyResults.size()), lines));
        }

        // Derivation: every checkable step.
        StepCheck steps = checkChains(in.answer());
        if (steps.checked() > 0) {
            decided.put(Aspect.DERIVATION, (double) steps.valid() / steps.checked());
            facts.add(new VerifiedFact(Aspect.DERIVATION, (double) steps.valid() / steps.checked(), "CAS: "
                    + steps.valid() + " of " + steps.checked() + " steps hold"));
            evidence.add(new Evidence("cas-steps", steps.firstBroken() == null
                    ? Message.of(MessageCode.EV_CAS_STEPS, steps.valid(), steps.checked())
                    : Message.of(MessageCode.EV_CAS_STEPS_BROKEN, steps.valid(), steps.checked(), steps.firstBroken()),
                    null));
            if (steps.firstBroken() != null) {
                comment.add(in.say("推导中这一步不成立：" + steps.firstBroken() + "。",
                        "This step does not hold: " + steps.firstBroken() + "."));
                if (resultCorrect) {
                    // A right value reached through a step that does not hold: the key prices the wrong method.
                    review.add(Message.of(MessageCode.REVIEW_CAS_BROKEN_STEP, steps.firstBroken()));
                }
            }
        }

        boolean bare = resultCorrect && working == Working.NONE;
        if (resultCorrect && working == Working.UNREAD) {
            review.add(Message.of(MessageCode.REVIEW_CAS_WORKING_UNREAD));
        }
        if (bare) {
            // Only the final value: the result earns its points, the method and derivation are not shown. Where the
            // rubric gives working no points (a blank judged by its result), nothing is missing.
            decided.put(Aspect.METHOD, 0.0);
            decided.put(Aspect.DERIVATION, 0.0);
            if (in.rubric().stream().map(Aspect::of).anyMatch(a -> a == Aspect.METHOD || a == Aspect.DERIVATION)) {
                review.add(Message.of(MessageCode.REVIEW_CAS_BARE));
            }
        }
        if (!decided.containsKey(Aspect.DERIVATION) && decided.containsKey(Aspect.METHOD)) {
            // No chain to check step by step: the working is credited by the intermediate results it reaches.
            decided.put(Aspect.DERIVATION, decided.get(Aspect.METHOD));
            evidence.add(new Evidence("cas-steps", Message.of(MessageCode.EV_CAS_STEPS_NONE), null));
        }
        if (resultCorrect && working == Working.READ && steps.firstBroken() == null
                && (keyResults.isEmpty() || keyResultsFound > 0)) {
            // A verified result reached through working in which no checked step fails and that meets the key's way
            // at least once: the method is shown. Working that reaches none of the key's intermediate results (values
            // tried until one fits) may be a method the key does not credit: the teacher decides.
            for (Aspect a : List.of(Aspect.METHOD, Aspect.DERIVATION)) {
                if (facts.stream().noneMatch(f -> f.aspect() == a)) {
                    facts.add(new VerifiedFact(a, 1, "the verified result is reached by working with no failing step"));
                }
            }
        }
        if (decided.isEmpty()) {
            return GradeResult.awaitingTeacher(in,
                    review.isEmpty() ? Message.of(MessageCode.REVIEW_CAS_NOTHING) : review.get(0), evidence);
        }
        RubricScore.Outcome outcome = RubricScore.score(in.rubric(), in.maxScore(), decided);
        evidence.add(outcome.evidence(in.maxScore()));
        double confidence = 0.5 + 0.45 * outcome.judgedShare();
        if (!decided.containsKey(Aspect.RESULT)) {
            confidence = Math.min(confidence, 0.6);
            review.add(Message.of(MessageCode.REVIEW_CAS_NO_RESULT));
        } else if (!resultCorrect && outcome.score() > 0) {
            review.add(Message.of(MessageCode.REVIEW_CAS_PARTIAL));
            confidence = Math.min(confidence, 0.75);
        }
        if (outcome.judgedShare() < 0.5) {
            review.add(Message.of(MessageCode.REVIEW_RUBRIC_UNJUDGED));
        }
        if (!resultCorrect && decided.containsKey(Aspect.RESULT) && in.hasReference()) {
            StepCheck key = checkChains(in.referenceAnswer());
            if (key.firstBroken() != null) {
                // The key's own working fails as read ("−13.625 = −1101.101B", "130 = 1000 0010"): the CAS misreads
                // its notation, so a result that differs from it may be right.
                review.add(Message.of(MessageCode.REVIEW_CAS_KEY_MISREAD, key.firstBroken()));
                confidence = Math.min(confidence, 0.6);
            }
        }
        return new GradeResult(outcome.score(), in.maxScore(), confidence, GradeMethod.CAS, evidence,
                String.join(" ", comment), review, facts);
    }

    /**
     * The parts' results: {@code share} the key's points earned by the parts (null when a part could not be read or
     * paired: not checked is not wrong), {@code values} the student's part results as written.
     */
    record PartsOutcome(Double share, boolean correct, List<String> values) {
    }

    /** One part compared: its share of the part's points, or null with {@code why} not; its unit, when one was read. */
    record PartCheck(Double share, String how, Message why, Double unit) {
    }

    PartsOutcome checkParts(GradingInput in, List<Parts.KeyPart> key, List<Evidence> evidence, List<Message> review,
            List<VerifiedFact> facts) {
        List<String> answers = Parts.pair(key, Parts.ofAnswer(in.answer()));
        double total = key.stream().mapToDouble(k -> k.points() == null ? 1 : k.points()).sum();
        double earned = 0;
        boolean decided = true;
        Double unit = null;
        List<String> values = new ArrayList<>();
        List<Message> lines = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            Parts.KeyPart k = key.get(i);
            String text = answers.get(i);
            List<String> written = text == null ? List.of() : partValues(k.result(), text);
            values.addAll(written);
            PartCheck c = text == null ? new PartCheck(null, null, Message.of(MessageCode.CAS_PART_NO_ANSWER,
                    k.label()), null)
                    : comparePart(in, k, written, text);
            if (c.unit() != null) {
                unit = unit == null ? c.unit() : Math.min(unit, c.unit());
            }
            if (c.share() == null) {
                decided = false;
                review.add(Message.of(MessageCode.REVIEW_CAS_PART_NOT_COMPARED, k.label(), c.why()));
                lines.add(Message.of(MessageCode.EVD_PART_NOT_COMPARED, k.label(), written, k.result(), c.why()));
            } else {
                earned += c.share() * (k.points() == null ? 1 : k.points());
                lines.add(Message.of(c.share() >= 1 ? MessageCode.EVD_PART_EQUALS : MessageCode.EVD_PART_DIFFERS,
                        k.label(), written, k.result(), c.how()));
            }
        }
        if (unit != null) {
            facts.add(new VerifiedFact(Aspect.UNIT, unit, "units of each part's result against the key's"));
        }
        Double share = decided ? earned / total : null;
        evidence.add(Evidence.itemised("cas-result", share == null ? Message.of(MessageCode.EV_CAS_PARTS_UNDECIDED,
                key.size()) : Message.of(MessageCode.EV_CAS_PARTS, key.size(), Math.round(share * 100)), lines));
        return new PartsOutcome(share, share != null && share >= 1 - 1e-9, values);
    }

    /** The student's result for a part: the value of the key's subject (v = …) when they name it, else the last. */
    private static List<String> partValues(String keyResult, String text) {
        String subject = MathText.finalSubject(keyResult);
        List<String> named = subject == null ? List.of() : MathText.valuesFor(text, subject);
        return named.isEmpty() ? MathText.finalAnswers(text) : named;
    }

    PartCheck comparePart(GradingInput in, Parts.KeyPart k, List<String> written, String text) {
        List<String> reference = MathText.values(k.result()).stream().map(CasGrader::plainNumber).toList();
        written = written.stream().map(CasGrader::plainNumber).toList();
        if (reference.isEmpty()) {
            return new PartCheck(null, null, Message.of(MessageCode.CAS_PART_KEY_UNREAD, k.result()), null);
        }
        if (written.isEmpty()) {
            return new PartCheck(null, null, Message.of(MessageCode.CAS_PART_NO_RESULT, k.label()), null);
        }
        Optional<Units.Quantity> ref = single(reference).flatMap(Units::read);
        Optional<Units.Quantity> mine = written.isEmpty() || ref.isEmpty() ? Optional.empty()
                : Units.restated(written, ref.get().dimension());
        if ((ref.isEmpty() || mine.isEmpty()) && (percent(reference) || percent(written))) {
            // "3.3 %" against 0.033, or 0.667 against "66.7 %": one share, compared to the figures written.
            ref = single(reference).flatMap(Units::ratio);
            mine = single(written).flatMap(Units::ratio);
        }
        if (ref.isPresent() && mine.isPresent()) {
            boolean same = ref.get().dimension().equals(mine.get().dimension());
            double tolerance = tolerance(in);
            // A key's stated tolerance is the rule; without one, agreement to the figures written, where one figure
            // ("2 m/s" for 2.2) is too coarse for a tool to accept: keys price it under their figures rule.
            boolean agree = tolerance > 0 ? Units.within(mine.get(), ref.get(), tolerance)
                    : Units.agree(mine.get(), ref.get());
            if (agree && tolerance == 0 && mine.get().figures() < 2 && ref.get().figures() >= 2) {
                return new PartCheck(null, null, Message.of(MessageCode.CAS_PART_ONE_FIGURE, mine.get().shown()),
                        same ? 1.0 : 0.0);
            }
            return new PartCheck(agree ? 1.0 : 0.0, "units converted; " + mine.get().dimension()
                    + (tolerance > 0 ? String.format(Locale.ROOT, "; within ±%.3g %%", tolerance * 100) : ""), null,
                    same ? 1.0 : 0.0);
        }
        if (ref.isPresent()) {
            // A number without its unit: not for a tool to price; the key's unit rule or the teacher decides.
            return new PartCheck(null, null, Message.of(MessageCode.CAS_PART_NO_UNIT, ref.get().shown(), written),
                    0.0);
        }
        List<String> refused = new ArrayList<>();
        List<Expr> keyValues = parseValues(reference);
        List<Expr> values = parseValues(written, refused);
        if (keyValues.size() != reference.size() || values.isEmpty() || !refused.isEmpty()) {
            return new PartCheck(null, null, Message.of(MessageCode.CAS_PART_VALUES_UNREAD), null);
        }
        SetMatch match = matchSets(keyValues, values, definitions(text), false);
        if (match.undecided() != null) {
            // The CAS's own words: a text, not a catalogue message.
            return new PartCheck(null, null, Message.text(match.undecided()), null);
        }
        return new PartCheck(match.fraction(), match.how(), null, null);
    }

    private static boolean percent(List<String> values) {
        return values.size() == 1 && values.get(0).strip().endsWith("%");
    }

    /** "2.25 x 10^20 electrons" is the number 2.25*10^20: a times sign written as x, and a counted noun dropped. */
    static String plainNumber(String value) {
        return value.replaceAll("(\\d)\\s*[xX×]\\s*10\\^", "$1*10^")
                .replaceAll("^([-+]?[\\d.]+(?:\\*10\\^\\{?[-+]?\\d+\\}?)?)\\s+(?:[A-Za-z]{5,}|[\\p{IsHan}]+)$", "$1");
    }

    /** The key's relative tolerance for values ("within ±1 %"), 0 when it states none. */
    private static double tolerance(GradingInput in) {
        return in.policies().stream().filter(p -> p.kind() == PolicyKind.UNIT_TOLERANCE && p.amount() != null)
                .mapToDouble(KeyPolicy::amount).max().orElse(0);
    }

    record TupleMatch(int matched, boolean undecided) {
    }

    /** Each reference tuple matched by a distinct student tuple; undecided when an unmatched one could not be valued. */
    TupleMatch matchTuples(List<List<String>> reference, List<List<String>> student, boolean upToScale) {
        boolean[] used = new boolean[student.size()];
        int matched = 0;
        boolean undecided = false;
        for (List<String> r : reference) {
            boolean unknown = false;
            boolean found = false;
            for (int i = 0; i < student.size() && !found; i++) {
                if (used[i]) {
                    continue;
                }
                Optional<Boolean> same = Tuples.same(cas, r, student.get(i), upToScale);
                if (same.isEmpty()) {
                    unknown = true;
                } else if (same.get()) {
                    used[i] = true;
                    matched++;
                    found = true;
                }
            }
            undecided |= !found && unknown;
        }
        return new TupleMatch(matched, undecided);
    }

    /** Whether every value is written with the same brackets as the first of the reference's. */
    private static boolean sameBrackets(List<String> reference, List<String> student) {
        Optional<String> key = reference.isEmpty() ? Optional.empty() : Tuples.brackets(reference.get(0));
        return student.stream().allMatch(v -> Tuples.brackets(v).equals(key))
                && reference.stream().allMatch(v -> Tuples.brackets(v).equals(key));
    }

    /** The values as tuples when every one of them is a tuple; else empty. */
    private static List<List<String>> tuples(List<String> values) {
        List<List<String>> out = new ArrayList<>();
        for (String v : values) {
            Optional<List<String>> t = Tuples.read(v);
            if (t.isEmpty()) {
                return List.of();
            }
            out.add(t.get());
        }
        return out;
    }

    /** The student's last value for each quantity; empty unless the answer states every one. */
    private static List<String> namedValues(String answer, List<String> subjects) {
        List<String> values = new ArrayList<>();
        for (String subject : subjects) {
            List<String> v = MathText.valuesFor(answer, subject);
            if (v.isEmpty()) {
                return List.of();
            }
            values.add(v.get(0));
        }
        return values;
    }

    private static Optional<String> single(List<String> values) {
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    /** {@code undecided}: why a reference value that no student value matched could not be compared, else null. */
    record SetMatch(double fraction, String how, List<Message> detail, String undecided) {
    }

    /**
     * Order-free: every reference value must be matched by a distinct student value; extra values cost. A reference
     * value left unmatched where a comparison was UNKNOWN leaves the whole match undecided: unknown is not wrong.
     * {@code paired}: each value is the student's for the key's quantity in the same place (E(X), D(X)), so it is
     * compared with that one only, and a swapped pair is wrong.
     */
    SetMatch matchSets(List<Expr> reference, List<Expr> student, List<String[]> definitions, boolean paired) {
        boolean[] used = new boolean[student.size()];
        int matched = 0;
        String how = "";
        List<String> unknown = new ArrayList<>();
        String undecided = null;
        for (int k = 0; k < reference.size(); k++) {
            Expr r = reference.get(k);
            String unknownHere = null;
            boolean found = false;
            for (int i = 0; i < student.size(); i++) {
                if (used[i] || (paired && i != k)) {
                    continue;
                }
                Cas.Comparison c = cas.compare(r, student.get(i), definitions);
                if (c.verdict() == Cas.Verdict.DIFFERENT && decimalOf(r, student.get(i))) {
                    c = new Cas.Comparison(Cas.Verdict.EQUAL, "a decimal correct to the digits shown");
                }
                if (c.verdict() == Cas.Verdict.EQUAL) {
                    used[i] = true;
                    matched++;
                    how = c.how();
                    found = true;
                    break;
                }
                if (c.verdict() == Cas.Verdict.UNKNOWN) {
                    unknown.add(student.get(i).source() + ": " + c.how());
                    unknownHere = unknownHere == null ? c.how() : unknownHere;
                }
            }
            if (!found && unknownHere != null && undecided == null) {
                undecided = unknownHere;
            }
        }
        int extra = 0;
        for (boolean u : used) {
            // Paired values are one per quantity: a wrong one is wrong, not extra as well.
            if (!u && !paired) {
                extra++;
            }
        }
        double fraction = Math.max(0, (matched - 0.5 * extra) / reference.size());
        String summary = reference.size() == 1 && student.size() == 1 ? (how.isEmpty() ? "compared" : how)
                : matched + " of " + reference.size() + " values matched" + (extra > 0 ? ", " + extra + " extra" : "")
                        + (how.isEmpty() ? "" : "; " + how);
        return new SetMatch(fraction, summary, unknown.isEmpty() ? List.of()
                : List.of(Message.of(MessageCode.EVD_UNDECIDED, String.join("; ", unknown))),
                undecided);
    }

    /** A written decimal with at least three significant figures is the exact value rounded as written. */
    private static final Pattern SIGNIFICANT = Pattern.compile("-?0*\\.?0*(\\d[\\d.]*)");

    /**
     * Whether {@code written}, a decimal such as 0.2854, is the closed value {@code exact} (π/4 − 1/2) rounded to the
     * digits it shows: "agrees to the digits shown", with at least three significant figures so that 0.3 is no
     * rounding of 0.2854 that a key accepts.
     */
    boolean decimalOf(Expr exact, Expr written) {
        String w = written.source().replace("$", "").strip();
        Matcher sig = SIGNIFICANT.matcher(w);
        if (!DECIMALS.matcher(w).matches() || !exact.freeSymbols().isEmpty() || !sig.matches()
                || sig.group(1).replace(".", "").length() < 3) {
            return false;
        }
        return rounded(w, cas.fingerprint(exact), cas.fingerprint(written));
    }

    record StepCheck(int checked, int valid, String firstBroken) {
    }

    /** What an answer shows besides its final values: working the CAS read, working it could not read, or none. */
    enum Working {
        READ,
        UNREAD,
        NONE
    }

    Working working(String answer, List<String> finals) {
        if (hasWorking(answer, finals)) {
            return Working.READ;
        }
        return unreadSteps(answer, finals) >= 2 ? Working.UNREAD : Working.NONE;
    }

    /** Text that is maths: an operator between operands, a limit, an integral, a sum, a fraction. */
    private static final Pattern MATHS = Pattern.compile("(\\\\?lim|∫|\\\\int|\\\\frac|\\\\sum|∑|d/d\\w"
            + "|[\\w)}\\]²³]\\s*[+\\-−*/^·×÷]\\s*[\\w(\\\\{√])");

    /**
     * The sides of the answer's equations, line by line, that are maths but neither a final value nor read by the CAS
     * ("lim (x²/2 + o(x²))/x²", a line under a label such as "用泰勒展开："). One such side may be the problem itself
     * written again before its result, so the caller asks for two.
     */
    static int unreadSteps(String answer, List<String> finals) {
        Set<String> finalTexts = new HashSet<>();
        finals.forEach(f -> finalTexts.add(squash(f)));
        Set<String> seen = new HashSet<>();
        for (String line : answer.split("\n")) {
            if (!line.contains("=") && !line.contains("≈")) {
                continue;
            }
            String maths = line.replaceAll("[\\p{IsHan}，。：；、（）]+", " ");
            for (String side : maths.split("[=≈]")) {
                String s = squash(side);
                if (s.length() >= 3 && !finalTexts.contains(s) && MATHS.matcher(side).find()) {
                    seen.add(s);
                }
            }
        }
        return seen.size();
    }

    /** Any expression in the answer besides the final values and lone names: some working was shown. */
    boolean hasWorking(String answer, List<String> finals) {
        Set<String> finalTexts = new HashSet<>();
        finals.forEach(f -> finalTexts.add(squash(f)));
        List<String> sides = new ArrayList<>();
        MathText.chains(answer).forEach(sides::addAll);
        MathText.fragments(answer).stream().filter(f -> !f.contains("=")).forEach(sides::add);
        for (String side : sides) {
            if (finalTexts.contains(squash(side))) {
                continue;
            }
            Optional<Expr> e = cas.parse(side);
            if (e.isPresent() && !e.get().tree().isSymbol() && !e.get().tree().isNumber()) {
                return true;
            }
        }
        return false;
    }

    private static String squash(String s) {
        return s.replace("$", "").replaceAll("\\s+", "").replaceAll("^\\\\boxed\\{(.*)\\}$", "$1");
    }

    /** "c_1 = …" where the right side is a closed value: the student's own constants. */
    List<String[]> definitions(String answer) {
        List<String[]> out = new ArrayList<>();
        for (List<String> chain : MathText.chains(answer)) {
            if (chain.size() < 2) {
                continue;
            }
            Optional<Expr> name = cas.parse(chain.get(0));
            Optional<Expr> value = cas.parse(chain.get(chain.size() - 1));
            if (name.isPresent() && name.get().tree().isSymbol() && value.isPresent()
                    && value.get().freeSymbols().isEmpty()) {
                out.add(new String[] { name.get().parsed(), value.get().parsed() });
            }
        }
        return out;
    }

    /**
     * Consecutive sides of a chain must be equal. Only pairs of the same kind are checked: both constant, or both
     * with variables. "x = 2" or "(x-2)(x-3) = 0" state an equation, not an identity, and are skipped.
     */
    private static final Pattern DECIMAL_PLACES = Pattern.compile("\\.(\\d+)");

    /** A decimal sum as written: "0.736", "0.349 + 0.387". */
    private static final Pattern DECIMALS = Pattern.compile(
            "\\s*-?\\d+\\.(\\d+)(?:\\s*[+−-]\\s*\\d+\\.(\\d+))*\\s*");

    /**
     * Whether {@code written}, a decimal (or a sum of decimals) rounded as written, agrees with {@code exact} to
     * half a unit in its last place for each of its terms.
     */
    static boolean rounded(String written, double[] exact, double[] value) {
        Matcher m = DECIMALS.matcher(written.replace("$", ""));
        if (!m.matches() || exact == null || value == null) {
            return false;
        }
        Matcher d = DECIMAL_PLACES.matcher(written);
        double tolerance = 0;
        while (d.find()) {
            tolerance += 0.5 * Math.pow(10, -d.group(1).length());
        }
        for (int i = 0; i < exact.length; i++) {
            if (Math.abs(exact[i] - value[i]) > tolerance + 1e-12) {
                return false;
            }
        }
        return true;
    }

    StepCheck checkChains(String answer) {
        int checked = 0;
        int valid = 0;
        String firstBroken = null;
        for (List<String> chain : MathText.chains(answer)) {
            List<List<Expr>> sides = chain.stream().map(cas::parseAll).toList();
            for (int i = 0; i + 1 < sides.size(); i++) {
                if (indeterminateValued(chain.get(i), chain.get(i + 1))) {
                    // "→ ∞ − ∞ = 0": a form with no value given one; no CAS value can check it, and it never holds.
                    checked++;
                    firstBroken = firstBroken == null ? chain.get(i) + " = " + chain.get(i + 1) : firstBroken;
                    continue;
                }
                List<Expr> a = sides.get(i);
                List<Expr> b = sides.get(i + 1);
                if (a.isEmpty() || b.isEmpty() || a.size() != b.size()) {
                    continue;
                }
                boolean aClosed = a.get(0).freeSymbols().isEmpty();
                boolean bClosed = b.get(0).freeSymbols().isEmpty();
                // "x = …" or "a_n = …" defines or states an equation; only compound = compound is a step to check.
                if (aClosed != bClosed || a.get(0).tree().isSymbol() || b.get(0).tree().isSymbol()
                        || (!aClosed && (a.get(0).tree().isPower() && a.get(0).tree().base().isSymbol()))) {
                    continue;
                }
                // "mg = mv²/L", "T − f_k = m a", "72 km/h = 20 m/s": sides in different quantities state a law, a
                // substitution or a unit conversion, not a rewriting of one expression; not a step that can break.
                if (!aClosed && !a.get(0).freeSymbols().equals(b.get(0).freeSymbols())) {
                    continue;
                }
                boolean ok = true;
                boolean valued = true;
                for (int k = 0; k < a.size(); k++) {
                    double[] pa = cas.fingerprint(a.get(k));
                    double[] pb = cas.fingerprint(b.get(k));
                    valued &= pa != null && pb != null;
                    if (!Cas.sameFingerprint(pa, pb)) {
                        ok = false;
                    }
                }
                if (!valued) {
                    // No value to compare (refused, too slow, or not numeric): the step is not checked, not broken.
                    continue;
                }
                if (!ok && aClosed && a.size() == 1) {
                    // "0.9^10 + 10·0.1·0.9^9 = 0.349 + 0.387": a value rounded as written holds to its last digit.
                    ok = rounded(chain.get(i), cas.fingerprint(b.get(0)), cas.fingerprint(a.get(0)))
                            || rounded(chain.get(i + 1), cas.fingerprint(a.get(0)), cas.fingerprint(b.get(0)));
                }
                checked++;
                if (ok) {
                    valid++;
                } else if (firstBroken == null) {
                    firstBroken = chain.get(i) + " = " + chain.get(i + 1);
                }
                if (checked >= 40) {
                    return new StepCheck(checked, valid, firstBroken);
                }
            }
        }
        return new StepCheck(checked, valid, firstBroken);
    }

    /** ∞ − ∞, 0/0, ∞/∞, 0·∞ or 1^∞ alone, as a limit reaches it ("… → ∞ − ∞"). */
    private static final Pattern INDETERMINATE = Pattern.compile("(?:∞|\\\\infty)\\s*[-−]\\s*(?:∞|\\\\infty)"
            + "|0\\s*/\\s*0|(?:∞|\\\\infty)\\s*/\\s*(?:∞|\\\\infty)|\\\\frac\\{0\\}\\{0\\}"
            + "|\\\\frac\\{\\\\infty\\}\\{\\\\infty\\}|0\\s*[*·×]\\s*(?:∞|\\\\infty)|1\\s*\\^\\s*\\{?(?:∞|\\\\infty)\\}?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-−+]?\\d+(?:\\.\\d+)?");

    /** One side is an indeterminate form and the other a number: "∞ − ∞ = 0", "0/0 = 1". */
    static boolean indeterminateValued(String left, String right) {
        return indeterminate(left) && isNumber(right) || indeterminate(right) && isNumber(left);
    }

    private static boolean indeterminate(String side) {
        String s = side.replace("$", "").strip();
        int arrow = Math.max(s.lastIndexOf('→'), s.lastIndexOf("\\to"));
        if (arrow >= 0) {
            s = s.substring(arrow + (s.startsWith("\\to", arrow) ? 3 : 1));
        }
        return INDETERMINATE.matcher(s.strip()).matches();
    }

    private static boolean isNumber(String side) {
        return PLAIN_NUMBER.matcher(side.replace("$", "").strip()).matches();
    }

    /** Non-trivial expressions of the reference working (each side of each equation), at most twelve. */
    List<Expr> keyResults(String reference) {
        if (reference == null) {
            return List.of();
        }
        Map<String, Expr> out = new LinkedHashMap<>();
        Map<String, double[]> prints = new HashMap<>();
        for (List<String> chain : MathText.chains(reference)) {
            for (String side : chain) {
                for (Expr e : cas.parseAll(side)) {
                    if (Cas.isTrivial(e) || out.containsKey(e.toString())) {
                        continue;
                    }
                    double[] p = cas.fingerprint(e);
                    boolean smallInteger = p != null && e.freeSymbols().isEmpty() && Math.abs(p[0]) < 10
                            && Math.abs(p[0] - Math.rint(p[0])) < 1e-9;
                    if (p == null || smallInteger
                            || prints.values().stream().anyMatch(q -> Cas.sameFingerprint(p, q))) {
                        continue;
                    }
                    prints.put(e.toString(), p);
                    out.put(e.toString(), e);
                    if (out.size() >= 12) {
                        return new ArrayList<>(out.values());
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private List<Expr> allSides(String answer) {
        List<Expr> out = new ArrayList<>();
        for (List<String> chain : MathText.chains(answer)) {
            for (String side : chain) {
                out.addAll(cas.parseAll(side));
                if (out.size() >= 60) {
                    return out;
                }
            }
        }
        for (String f : MathText.fragments(answer)) {
            if (!f.contains("=")) {
                out.addAll(cas.parseAll(f));
            }
        }
        return out;
    }

    private List<Expr> parseValues(List<String> texts) {
        return parseValues(texts, new ArrayList<>());
    }

    private List<Expr> parseValues(List<String> texts, List<String> refused) {
        List<Expr> out = new ArrayList<>();
        for (String t : texts) {
            out.addAll(cas.parseAll(t, refused));
        }
        return out;
    }

    /** Expressions as TeX between $…$, so that the pages typeset them in the evidence's detail. */
    private static String maths(List<String> sources) {
        return sources.stream().map(s -> "$" + s.replace("$", "") + "$").collect(Collectors.joining(" ; "));
    }

    private static String show(List<Expr> values) {
        return values.stream().map(Expr::source).collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- Boolean

    GradeResult gradeBoolean(GradingInput in) {
        Optional<BooleanAlgebra.Spec> spec = BooleanAlgebra.spec(in.stem());
        Optional<BooleanAlgebra.Node> reference = in.hasReference() ? lastBoolean(in.referenceAnswer())
                : Optional.empty();
        Optional<BooleanAlgebra.Node> student = lastBoolean(in.answer());
        if (spec.isEmpty() && reference.isEmpty()) {
            return null;
        }
        List<Evidence> evidence = new ArrayList<>();
        List<Message> review = new ArrayList<>();
        if (student.isEmpty()) {
            return GradeResult.none(in.maxScore(), Message.of(MessageCode.REVIEW_CAS_BOOLEAN_UNREAD),
                    in.say("未能识别最终的逻辑表达式，待老师评分。", "No Boolean expression could be read; a teacher will grade it."),
                    List.of(new Evidence("cas-boolean", Message.of(MessageCode.EV_CAS_BOOLEAN_UNREAD), null)));
        }
        boolean keyWrong = false;
        if (spec.isPresent() && reference.isPresent()) {
            List<Integer> keyDiff = BooleanAlgebra.differences(reference.get(), spec.get());
            if (!keyDiff.isEmpty()) {
                keyWrong = true;
                evidence.add(new Evidence("cas-key-check", Message.of(MessageCode.EV_BOOL_KEY_CHECK,
                        rows(keyDiff, spec.get().variables().size())), null));
                review.add(Message.of(MessageCode.REVIEW_BOOL_KEY_CONTRADICTS));
            }
        }
        List<Character> vars;
        List<Integer> diff;
        String against;
        if (spec.isPresent()) {
            vars = spec.get().variables();
            diff = BooleanAlgebra.differences(student.get(), spec.get());
            against = "the problem's minterms Σm" + spec.get().minterms();
        } else {
            vars = BooleanAlgebra.variables(student.get(), reference.get());
            diff = BooleanAlgebra.differences(student.get(), reference.get(), vars);
            against = "the reference expression";
        }
        boolean equivalent = diff.isEmpty();
        evidence.add(new Evidence("cas-boolean", spec.isPresent()
                ? equivalent ? Message.of(MessageCode.EV_BOOL_EQUALS_MINTERMS, vars, spec.get().minterms())
                        : Message.of(MessageCode.EV_BOOL_DIFFERS_MINTERMS, vars, spec.get().minterms(), diff.size(),
                                rows(diff, vars.size()))
                : equivalent ? Message.of(MessageCode.EV_BOOL_EQUALS, vars, MessageCode.BOOL_AGAINST_REFERENCE)
                        : Message.of(MessageCode.EV_BOOL_DIFFERS, vars, MessageCode.BOOL_AGAINST_REFERENCE,
                                diff.size(), rows(diff, vars.size())),
                null));
        if (!equivalent && keyWrong && reference.isPresent()
                && BooleanAlgebra.differences(student.get(), reference.get(), BooleanAlgebra.variables(student.get(),
                        reference.get())).isEmpty()) {
            review.add(Message.of(MessageCode.REVIEW_BOOL_MATCHES_FAULTY_KEY));
        }
        Map<Aspect, Double> decided = new LinkedHashMap<>();
        decided.put(Aspect.RESULT, equivalent ? 1.0 : 0.0);
        List<VerifiedFact> facts = new ArrayList<>(List.of(new VerifiedFact(Aspect.RESULT, equivalent ? 1 : 0,
                "truth table against " + against)));
        if (equivalent && reference.isPresent() && !keyWrong) {
            int mine = student.get().literals();
            int theirs = reference.get().literals();
            decided.put(Aspect.METHOD, mine <= theirs ? 1.0 : 0.5);
            facts.add(new VerifiedFact(Aspect.METHOD, mine <= theirs ? 1 : 0.5, "literal count against the reference"));
            evidence.add(new Evidence("cas-minimal", Message.of(mine <= theirs ? MessageCode.EV_BOOL_MINIMAL
                    : MessageCode.EV_BOOL_NOT_MINIMAL, mine, theirs), null));
        }
        StepCheck chain = checkBooleanChains(in.answer());
        if (chain.checked() > 0) {
            decided.put(Aspect.DERIVATION, (double) chain.valid() / chain.checked());
            facts.add(new VerifiedFact(Aspect.DERIVATION, (double) chain.valid() / chain.checked(), "truth tables of "
                    + "the rewriting steps"));
            evidence.add(new Evidence("cas-steps", chain.firstBroken() == null
                    ? Message.of(MessageCode.EV_BOOL_STEPS, chain.valid(), chain.checked())
                    : Message.of(MessageCode.EV_BOOL_STEPS_BROKEN, chain.valid(), chain.checked(), chain.firstBroken()),
                    null));
        }
        if (keyWrong) {
            // Which did the teacher mean, the minterms or the key? No tool can know: no score, only the evidence.
            if (reference.isPresent()) {
                List<Integer> vsKey = BooleanAlgebra.differences(student.get(), reference.get(),
                        BooleanAlgebra.variables(student.get(), reference.get()));
                evidence.add(new Evidence("cas-boolean", vsKey.isEmpty() ? Message.of(MessageCode.EV_BOOL_VS_KEY_EQUAL)
                        : Message.of(MessageCode.EV_BOOL_VS_KEY_DIFFERS, vsKey.size()), null));
            }
            return new GradeResult(null, in.maxScore(), 0, GradeMethod.NONE, evidence, in.say(
                    "参考答案与题目给出的最小项不一致，待老师确认。", "The key and the problem disagree; a teacher will decide."),
                    review);
        }
        RubricScore.Outcome outcome = RubricScore.score(in.rubric(), in.maxScore(), decided);
        evidence.add(outcome.evidence(in.maxScore()));
        double confidence = 0.95;
        String comment = equivalent ? in.say("化简结果正确。", "The simplified function is correct.")
                : in.say("化简结果与题目给出的函数不等价（在 " + diff.size() + " 个取值上不同）。",
                        "The simplified function is not equivalent to the one asked for (" + diff.size()
                                + " rows differ).");
        return new GradeResult(outcome.score(), in.maxScore(), confidence, GradeMethod.CAS, evidence, comment, review,
                facts);
    }

    private StepCheck checkBooleanChains(String answer) {
        int checked = 0;
        int valid = 0;
        String broken = null;
        for (List<String> chain : MathText.chains(answer)) {
            for (int i = 1; i + 1 < chain.size(); i++) {
                var a = BooleanAlgebra.parse(chain.get(i));
                var b = BooleanAlgebra.parse(chain.get(i + 1));
                if (a.isEmpty() || b.isEmpty()) {
                    continue;
                }
                checked++;
                if (BooleanAlgebra.differences(a.get(), b.get(), BooleanAlgebra.variables(a.get(), b.get()))
                        .isEmpty()) {
                    valid++;
                } else if (broken == null) {
                    broken = chain.get(i) + " = " + chain.get(i + 1);
                }
            }
        }
        return new StepCheck(checked, valid, broken);
    }

    /** The last expression in the text, read as a Boolean function (the right side of the last "F = …"). */
    static Optional<BooleanAlgebra.Node> lastBoolean(String text) {
        List<String> fragments = MathText.fragments(text);
        for (int i = fragments.size() - 1; i >= 0; i--) {
            String f = fragments.get(i);
            if (!f.contains("=") || f.matches(".*\\\\sum|.*m\\s*\\(.*")) {
                continue;
            }
            var n = BooleanAlgebra.parse(f);
            if (n.isPresent()) {
                return n;
            }
        }
        for (String line : text.split("\n")) {
            var n = BooleanAlgebra.parse(line);
            if (n.isPresent()) {
                return n;
            }
        }
        return Optional.empty();
    }

    private static String rows(List<Integer> rows, int width) {
        return rows.stream().limit(6).map(r -> BooleanAlgebra.row(r, width) + " (" + r + ")")
                .collect(Collectors.joining(", ")) + (rows.size() > 6 ? ", …" : "");
    }

    /** "the numbers happen to give 140", "即使数值碰巧也是 120": the key warns that a wrong way can reach its result. */
    private static final Pattern COINCIDENCE = Pattern.compile("(?i)(碰巧|恰巧|巧合|happens? to (?:give|be|come)|"
            + "by coincidence|coincidentally|right (?:number|result|value) (?:by|through|with|from) (?:a )?wrong)");

    private static boolean warnsOfCoincidence(GradingInput in) {
        return COINCIDENCE.matcher(in.referenceAnswer()).find()
                || in.rubric().stream().anyMatch(r -> COINCIDENCE.matcher(r.description()).find());
    }

    /** The fingerprints of the key's final values, with and without their units ("140 ns" is also 140). */
    private List<double[]> resultPrints(List<String> finals) {
        List<double[]> out = new ArrayList<>();
        for (String f : finals) {
            List<Expr> parsed = new ArrayList<>(cas.parseAll(f));
            Matcher number = LEADING_NUMBER.matcher(f.replace("$", "").strip());
            if (number.lookingAt()) {
                parsed.addAll(cas.parseAll(number.group()));
            }
            for (Expr e : parsed) {
                double[] p = cas.fingerprint(e);
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static final Pattern LEADING_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
