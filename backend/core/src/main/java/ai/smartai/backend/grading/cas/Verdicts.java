package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A result that is a verdict, not a value: a series or an improper integral "converges" or "diverges" (收敛 / 发散). The
 * key states it as its whole answer; the student's is the verdict their answer concludes with. No CAS can compare
 * words, and a numeric fingerprint of "diverges" means nothing, so the words are compared here.
 */
final class Verdicts {

    enum Kind {
        CONVERGES,
        DIVERGES
    }

    /** A verdict, with "absolutely" or "conditionally" when it was said ("" otherwise). */
    record Verdict(Kind kind, String how, String written) {
    }

    /**
     * Whether the student's verdict is the key's: the kind decides; a qualifier the key states must be the student's
     * too, and one the student leaves out is the teacher's call (empty).
     */
    static Optional<Boolean> agree(Verdict key, Verdict student) {
        if (key.kind() != student.kind()) {
            return Optional.of(false);
        }
        if (key.how().isEmpty() || key.how().equals(student.how())) {
            return Optional.of(true);
        }
        return student.how().isEmpty() ? Optional.empty() : Optional.of(false);
    }

    private static final Pattern NOT_CONVERGING = Pattern.compile("(?i)(?:does\\s+not|doesn't|do\\s+not|cannot|can't|"
            + "not)\\s+(?:absolutely\\s+|conditionally\\s+)?converg\\w*|不收敛");
    private static final Pattern DIVERGING = Pattern.compile("(?i)\\bdiverg\\w*|发散");
    private static final Pattern CONVERGING = Pattern.compile("(?i)\\bconverg\\w*|收敛");
    private static final Pattern ABSOLUTELY = Pattern.compile("(?i)absolute(?:ly)?|绝对");
    private static final Pattern CONDITIONALLY = Pattern.compile("(?i)conditional(?:ly)?|条件");
    /** What may stand beside the verdict in a key's answer line: its subject and a gloss. */
    private static final Pattern FILLER = Pattern.compile("(?i)\\b(?:the|series|integral|sum|it|is|so|thus|therefore|"
            + "improper|and|both)\\b|级数|积分|该|此|[(（][^)）]*[)）]|[\\s.,;:。，；：$]");
    /** A sentence that concludes: its verdict is the answer's when the answer names both. */
    private static final Pattern CONCLUDING = Pattern.compile("(?i)^\\s*(?:so|therefore|hence|thus|∴|consequently|in "
            + "conclusion|conclusion|answer|因此|所以|故|综上|结论|答)");

    private Verdicts() {
    }

    /** The key's answer line when it is a verdict and nothing else ("diverges", "级数收敛", "converges absolutely"). */
    static Optional<Verdict> ofKey(String keyLine) {
        List<Verdict> found = all(keyLine);
        if (found.size() != 1) {
            return Optional.empty();
        }
        String rest = keyLine;
        for (Pattern p : List.of(NOT_CONVERGING, DIVERGING, CONVERGING, ABSOLUTELY, CONDITIONALLY)) {
            rest = p.matcher(rest).replaceAll(" ");
        }
        return FILLER.matcher(rest).replaceAll("").isEmpty() ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * The verdict the answer concludes with: its only kind, or, when it names both, the one of its last concluding
     * sentence; empty when it names none or cannot be told.
     */
    static Optional<Verdict> of(String answer) {
        List<Verdict> found = all(answer);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.stream().map(Verdict::kind).distinct().count() == 1) {
            return Optional.of(found.get(found.size() - 1));
        }
        List<Verdict> concluded = new ArrayList<>();
        for (String sentence : answer.split("(?<=[.。;；!！?？])\\s+|\\n")) {
            if (CONCLUDING.matcher(sentence).find()) {
                concluded.addAll(all(sentence));
            }
        }
        if (concluded.isEmpty() || concluded.stream().map(Verdict::kind).distinct().count() > 1) {
            return Optional.empty();
        }
        return Optional.of(concluded.get(concluded.size() - 1));
    }

    /** Every verdict named, in order; "does not converge" is one of divergence. */
    private static List<Verdict> all(String text) {
        List<int[]> spans = new ArrayList<>();
        List<Verdict> out = new ArrayList<>();
        Matcher not = NOT_CONVERGING.matcher(text);
        while (not.find()) {
            spans.add(new int[] { not.start(), not.end(), Kind.DIVERGES.ordinal() });
        }
        Matcher d = DIVERGING.matcher(text);
        while (d.find()) {
            spans.add(new int[] { d.start(), d.end(), Kind.DIVERGES.ordinal() });
        }
        Matcher c = CONVERGING.matcher(text);
        while (c.find()) {
            int at = c.start();
            if (spans.stream().noneMatch(s -> at >= s[0] && at < s[1])) {
                spans.add(new int[] { c.start(), c.end(), Kind.CONVERGES.ordinal() });
            }
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] s : spans) {
            Kind kind = Kind.values()[s[2]];
            // "converges absolutely", "绝对收敛": the qualifier within a few words either side.
            String near = text.substring(Math.max(0, s[0] - 16), Math.min(text.length(), s[1] + 16));
            String how = kind == Kind.DIVERGES ? "" : ABSOLUTELY.matcher(near).find() ? "absolutely"
                    : CONDITIONALLY.matcher(near).find() ? "conditionally" : "";
            out.add(new Verdict(kind, how, text.substring(s[0], s[1])));
        }
        return out;
    }
}
