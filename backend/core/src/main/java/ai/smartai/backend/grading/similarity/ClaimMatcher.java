package ai.smartai.backend.grading.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Decides whether a claim (a rubric line, or a sentence of the reference) is present in an answer: by the best
 * sentence's embedding similarity, and by the claim's key terms and formulas, which embeddings handle poorly
 * (SYN/ACK, n = 1 against n = 2). Thresholds were calibrated on labelled pairs (docs/grading.md).
 */
@ApplicationScoped
public class ClaimMatcher {

    /** Similarity at or below {@code low} counts nothing, at or above {@code high} counts fully. */
    static final double ZH_LOW = 0.60;
    static final double ZH_HIGH = 0.78;
    static final double EN_LOW = 0.35;
    static final double EN_HIGH = 0.65;

    private static final Pattern SENTENCES = Pattern.compile("[。；;！？!?\\n]+|(?<=[a-z0-9)])\\.\\s+");
    private static final Pattern ACRONYM = Pattern
            .compile("(?<![A-Za-z])([A-Z][A-Z0-9_]{1,}(?:[+/][A-Z]{2,})?)(?![A-Za-z])");
    private static final Pattern FORMULA = Pattern.compile(
            "([A-Za-z0-9_{}^|()\\\\]+\\s*(?:=|\\\\equiv)\\s*[A-Za-z0-9_{}^|()+\\-*/\\\\]+)");
    private static final Pattern INLINE_MATH = Pattern.compile("\\$([^$]+)\\$");

    @Inject
    Embeddings embeddings;

    /** How far a claim is covered (0..1), the sentence that covers it best, and whether the call was uncertain. */
    public record Match(String claim, double coverage, String sentence, double similarity, List<String> termsFound,
            List<String> termsMissing, boolean uncertain) {
    }

    public Match match(String claim, List<String> sentences, String answer, boolean zh) {
        double best = 0;
        String bestSentence = "";
        for (String s : sentences) {
            double sim = embeddings.similarity(claim, s, zh);
            if (sim > best) {
                best = sim;
                bestSentence = s;
            }
        }
        double low = zh ? ZH_LOW : EN_LOW;
        double high = zh ? ZH_HIGH : EN_HIGH;
        double simScore = best >= high ? 1 : best <= low ? 0 : (best - low) / (high - low);
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String normalisedAnswer = normalise(answer);
        for (String term : terms(claim)) {
            // "SYN+ACK" or "TCP/IP" is there when each of its parts is.
            boolean present = normalisedAnswer.contains(normalise(term)) || (term.matches(".*[+/].*")
                    && Arrays.stream(term.split("[+/]")).allMatch(
                            part -> !part.isBlank() && normalisedAnswer.contains(normalise(part))));
            (present ? found : missing).add(term);
        }
        double coverage;
        if (found.isEmpty() && missing.isEmpty()) {
            coverage = simScore;
        } else {
            double t = (double) found.size() / (found.size() + missing.size());
            // Every key term present is strong evidence on its own, unless the wording is clearly about something else.
            coverage = t == 1 ? (best >= low - 0.05 ? 1 : 0.75) : (simScore + t) / 2;
        }
        boolean uncertain = coverage > 0.2 && coverage < 0.8;
        return new Match(claim, coverage, bestSentence, best, found, missing, uncertain);
    }

    /** The answer's sentences, and the clauses of those with several: where a point may be found. */
    public static List<String> sentences(String text) {
        return sentences(text, true);
    }

    /** A reference's claims: whole sentences only. */
    public static List<String> claimSentences(String text) {
        return sentences(text, false);
    }

    private static List<String> sentences(String text, boolean clausesToo) {
        List<String> out = new ArrayList<>();
        boolean fence = false;
        StringBuilder prose = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (!fence) {
                prose.append(line).append('\n');
            }
        }
        for (String s : SENTENCES.split(prose)) {
            String t = s.strip().replaceAll("^[-*•\\d.、)]+\\s*", "");
            if (t.codePointCount(0, t.length()) >= 4) {
                out.add(t);
                // One sentence often packs several points between commas: each clause is a candidate too.
                String[] clauses = t.split("[，,；]\\s*");
                if (clausesToo && clauses.length > 1) {
                    for (String c : clauses) {
                        String clause = c.strip().replaceFirst("^[^：:]{1,6}[：:]", "");
                        if (clause.codePointCount(0, clause.length()) >= 4) {
                            out.add(clause);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Acronyms (SYN, ACK, O(N)) and formulas (n = 1, 2|E|) of a claim. */
    static Set<String> terms(String claim) {
        Set<String> out = new LinkedHashSet<>();
        Matcher a = ACRONYM.matcher(claim.replaceAll("\\$[^$]*\\$", " "));
        while (a.find()) {
            out.add(a.group(1));
        }
        String math = claim;
        Matcher inline = INLINE_MATH.matcher(claim);
        List<String> fragments = new ArrayList<>();
        while (inline.find()) {
            fragments.add(inline.group(1));
        }
        if (fragments.isEmpty()) {
            fragments.add(math);
        }
        for (String f : fragments) {
            Matcher m = FORMULA.matcher(f);
            while (m.find()) {
                String formula = m.group(1);
                if (normalise(formula).length() >= 3) {
                    out.add(formula.strip());
                }
            }
            if (f.contains("|E|")) {
                out.add("|E|");
            }
        }
        return out;
    }

    /** Spaces, dollar signs, \left and \right, and case do not matter when looking for a term. */
    static String normalise(String s) {
        return s.replace("$", "").replace("\\left", "").replace("\\right", "").replace("\\,", "")
                .replace("（", "(").replace("）", ")").replace("，", ",").replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }
}
