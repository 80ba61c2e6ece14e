package ai.smartai.backend.grading;

/**
 * Something a tool verified about an answer, in types rather than sentences: the share of an aspect's credit the
 * answer earns ({@code share} 0..1) and how it was verified. {@code aspect} null means the whole grade (a blank
 * answer, choice letters matched against the key). The auto-accept rule and the LLM panel read these, never the
 * wording of the evidence.
 */
public record VerifiedFact(Aspect aspect, double share, String how) {

    public VerifiedFact {
        share = Math.max(0, Math.min(1, share));
    }

    /** The whole grade was verified (e.g. choice letters read and compared with the key). */
    public static VerifiedFact whole(double share, String how) {
        return new VerifiedFact(null, share, how);
    }

    public boolean wholeGrade() {
        return aspect == null;
    }
}
