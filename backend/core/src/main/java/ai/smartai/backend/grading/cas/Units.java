package ai.smartai.backend.grading.cas;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
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
        UNITS.put("m/s^2", new Unit(1, "acceleration"));
        UNITS.put("m/s²", new Unit(1, "acceleration"));
        UNITS.put("eV", new Unit(1.602176634e-19, "energy"));
        UNITS.put("kWh", new Unit(3.6e6, "energy"));
        UNITS.put("ohm", new Unit(1, "resistance"));
        UNITS.put("kohm", new Unit(1e3, "resistance"));
        UNITS.put("kΩ", new Unit(1e3, "resistance"));
        UNITS.put("MΩ", new Unit(1e6, "resistance"));
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
        String t = text.replace("$", "").replaceAll("\\\\(?:mathrm|text|textrm|operatorname)\\s*\\{([^{}]*)\\}", "$1")
                .replaceAll("\\\\[,;: ]|\\\\q?quad", " ").replace("\\Omega", "Ω").replace("\\mu ", "μ")
                .replace("\\mu", "μ").replace("{", "").replace("}", "").replaceAll("[。.，,;；]+$", "").strip();
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
