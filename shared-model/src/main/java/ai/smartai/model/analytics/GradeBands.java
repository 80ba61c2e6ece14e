package ai.smartai.model.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grade bands by a total's share of the maximum: A ≥ 90 %, B ≥ 80 %, C ≥ 70 %, D ≥ 60 %, F below. The analytics
 * page's chart and the class report both count with this one rule.
 */
public final class GradeBands {

    private static final double[] LOWER = { 90, 80, 70, 60 };
    private static final List<String> ZH = List.of("优秀", "良好", "中等", "及格", "不及格");
    private static final List<String> EN = List.of("A", "B", "C", "D", "F");

    private GradeBands() {
    }

    /** The band names, best first: 优秀 … 不及格, or A … F. */
    public static List<String> names(boolean zh) {
        return zh ? ZH : EN;
    }

    /** The band of a total given as a percentage of the maximum: 0 for the best, 4 for F. */
    public static int band(double percent) {
        for (int i = 0; i < LOWER.length; i++) {
            if (percent >= LOWER[i]) {
                return i;
            }
        }
        return LOWER.length;
    }

    /** The lowest percentage of each band, best first (F's is 0). */
    public static double lower(int band) {
        return band < LOWER.length ? LOWER[band] : 0;
    }

    /** Students per band, best band first, every band present (0 when empty). */
    public static Map<String, Integer> count(List<Double> totalsPercent, boolean zh) {
        Map<String, Integer> out = new LinkedHashMap<>();
        names(zh).forEach(n -> out.put(n, 0));
        for (double p : totalsPercent) {
            out.merge(names(zh).get(band(p)), 1, Integer::sum);
        }
        return out;
    }
}
