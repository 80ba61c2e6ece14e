package ai.smartai.model.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How a score is written everywhere (pages, CSV, reports, evidence): at most two decimals, no trailing zeros. */
public final class Scores {

    private Scores() {
    }

    /** 6 → "6", 6.0 → "6", 6.5 → "6.5", 6.667 → "6.67". */
    public static String format(double score) {
        if (Double.isNaN(score) || Double.isInfinite(score)) {
            return "—";
        }
        BigDecimal rounded = BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** A score rounded as it is written. */
    public static double round(double score) {
        return BigDecimal.valueOf(score).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
