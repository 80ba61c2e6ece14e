package ai.smartai.backend.grading;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Near-identical answers across students (programs, proofs): character 5-gram Jaccard similarity of the answers
 * with whitespace, comments and case removed. Long enough answers at or above 0.9 are flagged, never penalised.
 */
public final class CopyDetector {

    static final double THRESHOLD = 0.9;
    static final int MIN_LENGTH = 200;

    /** One pair of near-identical answers. */
    public record Pair(int a, int b, double similarity) {
    }

    private CopyDetector() {
    }

    /**
     * Near-identical pairs. Two answers that are both close to the reference are not flagged: following the textbook
     * solution is not copying.
     */
    public static List<Pair> pairs(List<String> answers, String reference) {
        List<Set<String>> grams = new ArrayList<>();
        for (String a : answers) {
            grams.add(shingles(normalise(a)));
        }
        Set<String> ref = reference == null ? Set.of() : shingles(normalise(reference));
        boolean[] textbook = new boolean[answers.size()];
        for (int i = 0; i < grams.size(); i++) {
            textbook[i] = !ref.isEmpty() && jaccard(grams.get(i), ref) >= 0.8;
        }
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < grams.size(); i++) {
            for (int j = i + 1; j < grams.size(); j++) {
                Set<String> x = grams.get(i);
                Set<String> y = grams.get(j);
                if (x.isEmpty() || y.isEmpty() || (textbook[i] && textbook[j])) {
                    continue;
                }
                double jaccard = jaccard(x, y);
                if (jaccard >= THRESHOLD) {
                    out.add(new Pair(i, j, jaccard));
                }
            }
        }
        return out;
    }

    static double jaccard(Set<String> x, Set<String> y) {
        int inter = 0;
        for (String g : x) {
            if (y.contains(g)) {
                inter++;
            }
        }
        return (double) inter / (x.size() + y.size() - inter);
    }

    static String normalise(String s) {
        return s.replaceAll("(?m)#.*$", "").replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "")
                .replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    static Set<String> shingles(String s) {
        Set<String> out = new HashSet<>();
        if (s.length() < MIN_LENGTH) {
            return out;
        }
        for (int i = 0; i + 5 <= s.length(); i++) {
            out.add(s.substring(i, i + 5));
        }
        return out;
    }
}
