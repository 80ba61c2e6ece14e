package ai.smartai.backend.grading.cas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values with units ("36 km/h", "0.5\,\mathrm{ms}"), compared after conversion to SI. A small table of the units of
 * homework physics and circuits: JSR 385 (Indriya) is not in the offline repository. Two values agree when they have
 * the same dimension and differ by at most half a unit in the last significant figure of the less precise one.
 */
public final class Units {

    /** A value in SI units, its dimension, and its significant figures as written. */
    public record Quantity(double si, String dimension, int figures, String shown) {
    }

    private record Unit(double factor, String dimension) {
    }

    private static final Map<String, Unit> UNITS = new LinkedHashMap<>();
    private static final Pattern VALUE = Pattern.compile(
            "^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(?:(?:\\\\times|×|\\*|x|X)\\s*10\\^\\{?([-+]?\\d+)\\}?)?"
                    + "\\s*(.+?)\\s*$");

    static {
        prefixed("m", 1, "length");
        prefixed("s", 1, "time");
        prefixed("g", 1e-3, "mass");
        prefixed("J", 1, "energy");
        prefixed("W", 1, "power");
        prefixed("Hz", 1, "frequency");
        prefixed("V", 1, "voltage");
        prefixed("A", 1, "current");
        prefixed("Ω", 1, "resistance");
        prefixed("N", 1, "force");
        prefixed("Pa", 1, "pressure");
        prefixed("F", 1, "capacitance");
        prefixed("H", 1, "inductance");
        prefixed("C", 1, "charge");
        UNITS.put("min", new Unit(60, "time"));
        UNITS.put("h", new Unit(3600, "time"));
        UNITS.put("m/s", new Unit(1, "speed"));
        UNITS.put("km/h", new Unit(1 / 3.6, "speed"));
        UNITS.put("cm/s", new Unit(0.01, "speed"));
        UNITS.put("m/min", new Unit(1 / 60.0, "speed"));
        UNITS.put("km/s", new Unit(1e3, "speed"));
        UNITS.put("m/s^2", new Unit(1, "acceleration"));
        UNITS.put("m/s²", new Unit(1, "acceleration"));
        UNITS.put("eV", new Unit(1.602176634e-19, "energy"));
        UNITS.put("kWh", new Unit(3.6e6, "energy"));
        UNITS.put("ohm", new Unit(1, "resistance"));
        UNITS.put("kohm", new Unit(1e3, "resistance"));
        UNITS.put("kΩ", new Unit(1e3, "resistance"));
        UNITS.put("MΩ", new Unit(1e6, "resistance"));
        // "66.7 %" is the ratio 0.667: as a unit, so that it is compared to the figures written, like any value.
        UNITS.put("%", new Unit(0.01, "ratio"));
    }

    private static final Pattern APPROX = Pattern.compile("\\s*(?:≈|~|=|\\\\approx)\\s*");
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final Pattern SUPERSCRIPT_POWER = Pattern.compile("10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)");

    /** "2×10⁻³ s" as typed with Unicode superscripts is 2×10^-3 s. */
    static String powersOfTen(String text) {
        Matcher m = SUPERSCRIPT_POWER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder exponent = new StringBuilder("10^");
            for (char c : m.group(1).toCharArray()) {
                exponent.append(c == '⁻' ? '-' : c == '⁺' ? '+' : (char) ('0' + SUPERSCRIPTS.indexOf(c)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(exponent.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void prefixed(String symbol, double factor, String dimension) {
        Map<String, Double> prefixes = Map.of("", 1.0, "k", 1e3, "M", 1e6, "G", 1e9, "c", 1e-2, "m", 1e-3, "μ", 1e-6,
                "µ", 1e-6, "u", 1e-6, "n", 1e-9);
        prefixes.forEach((p, f) -> UNITS.putIfAbsent(p + symbol, new Unit(f * factor, dimension)));
    }

    private Units() {
    }

    /** The quantity a text states, when it is one number followed by a unit of the table. */
    public static Optional<Quantity> read(String text) {
        String t = powersOfTen(text).replace("$", "")
                .replaceAll("\\\\(?:mathrm|text|textrm|operatorname)\\s*\\{([^{}]*)\\}", "$1")
                .replaceAll("\\\\[,;: ]|\\\\q?quad", " ").replace("\\Omega", "Ω").replace("\\mu ", "μ")
                .replace("\\mu", "μ").replace("\\%", "%").replace("{", "").replace("}", "").replaceAll("[。.，,;；]+$", "")
                .strip();
        if (t.endsWith(")") && !t.contains("(")) {
            // "7.20 W)": the end of a bracket the value was written in.
            t = t.substring(0, t.length() - 1).strip();
        }
        Matcher m = VALUE.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        Unit unit = UNITS.get(m.group(3).replace(" ", "").replace("·", ""));
        if (unit == null) {
            return Optional.empty();
        }
        double value = Double.parseDouble(m.group(1)) * (m.group(2) == null ? 1 : Math.pow(10,
                Integer.parseInt(m.group(2))));
        return Optional.of(new Quantity(value * unit.factor(), unit.dimension(), figures(m.group(1)), t));
    }

    /** A share written as a percentage ("3.3 %") or as a bare decimal (0.033), as a ratio; empty otherwise. */
    public static Optional<Quantity> ratio(String text) {
        Optional<Quantity> q = read(text);
        if (q.isPresent()) {
            return q.filter(x -> x.dimension().equals("ratio"));
        }
        String t = text.replace("$", "").strip();
        if (!t.matches("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)")) {
            return Optional.empty();
        }
        return Optional.of(new Quantity(Double.parseDouble(t), "ratio", figures(t), t));
    }

    /**
     * The one quantity several written values state: "2×10⁻³ s = 2 ms" or "0.002 s (2 ms)" give the same value twice.
     * Empty unless every value is a quantity and all agree.
     */
    public static Optional<Quantity> restated(List<String> values) {
        return restated(values, null);
    }

    /**
     * Like {@link #restated(List)}, among the values of one dimension only when {@code dimension} is given: in "I = 2
     * A, P_L = 16 W" the power asked for is 16 W, the current a step toward it.
     */
    public static Optional<Quantity> restated(List<String> values, String dimension) {
        Optional<Quantity> first = Optional.empty();
        List<String> pieces = new ArrayList<>();
        // "0.2499 s ≈ 0.250 s": the value and its rounding; "mv²/L" with no digit is the law used, not a value.
        values.forEach(v -> pieces.addAll(List.of(APPROX.split(v))));
        for (String v : pieces) {
            if (!v.matches(".*\\d.*")) {
                continue;
            }
            Optional<Quantity> q = read(v);
            if (q.isPresent() && dimension != null && !q.get().dimension().equals(dimension)) {
                continue;
            }
            if (q.isEmpty() || (first.isPresent() && !agree(first.get(), q.get()))) {
                return Optional.empty();
            }
            first = first.isPresent() && first.get().figures() >= q.get().figures() ? first : q;
        }
        return first;
    }

    /** Same dimension, and equal within half a unit in the last significant figure of the less precise value. */
    public static boolean agree(Quantity a, Quantity b) {
        if (!a.dimension().equals(b.dimension())) {
            return false;
        }
        Quantity coarse = a.figures() <= b.figures() ? a : b;
        if (coarse.si() == 0) {
            return Math.abs(a.si() - b.si()) < 1e-12;
        }
        double place = Math.floor(Math.log10(Math.abs(coarse.si()))) - coarse.figures() + 1;
        double half = 0.5 * Math.pow(10, place);
        return Math.abs(a.si() - b.si()) <= half * (1 + 1e-9);
    }

    /** Same dimension, and within the key's relative tolerance ("±1 %") of the reference; false when it states none. */
    public static boolean within(Quantity answer, Quantity reference, double relative) {
        return relative > 0 && answer.dimension().equals(reference.dimension())
                && Math.abs(answer.si() - reference.si()) <= relative * Math.abs(reference.si()) * (1 + 1e-9);
    }

    /** Significant figures as written; an integer's trailing zeros count ("300" is read as exact). */
    static int figures(String number) {
        String digits = number.replaceAll("^[-+]", "").replaceAll("[eE].*$", "");
        BigDecimal d = new BigDecimal(digits.startsWith(".") ? "0" + digits : digits);
        return d.signum() == 0 ? 1 : d.precision();
    }
}
