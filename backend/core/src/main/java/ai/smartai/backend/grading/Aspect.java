package ai.smartai.backend.grading;

import java.util.Locale;

import ai.smartai.model.problem.RubricItem;

/**
 * What a rubric line grades. The REST contract keeps the aspect as a string on {@link RubricItem}; inside grading it
 * is this type, so graders, the auto-accept rule and the LLM panel agree on it without comparing words.
 */
public enum Aspect {
    RESULT("result"),
    METHOD("method"),
    DERIVATION("derivation"),
    FUNCTIONALITY("functionality"),
    EDGE_CASES("edge-cases"),
    COMPLEXITY("complexity"),
    STYLE("style"),
    CLAIM("claim"),
    /** A value's unit: 1 when the answer's unit converts to the reference's, 0 when it is missing or of another kind. */
    UNIT("unit"),
    OTHER("other");

    private final String key;

    Aspect(String key) {
        this.key = key;
    }

    /** The aspect's name in a rubric item. */
    public String key() {
        return key;
    }

    /** The aspect a rubric item grades; an unknown or missing one is {@link #OTHER}. */
    public static Aspect of(RubricItem item) {
        return of(item.aspect());
    }

    public static Aspect of(String key) {
        if (key == null) {
            return OTHER;
        }
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (Aspect a : values()) {
            if (a.key.equals(k)) {
                return a;
            }
        }
        return OTHER;
    }
}
