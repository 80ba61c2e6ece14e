package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Multi-part problems: a key that states one result per part ("(a) [5] … Answer: v = 25.0 m/s", "（1）… = 50 m。公式3分，
 * 结果3分。") and a student's answer split by the same labels. Each part's result is compared on its own, so a key with
 * several results is not read as one value, nor a student's last part taken for the whole.
 */
public final class Parts {

    /** One part of a key: its label (a, b, 1, 2), its points when the key states them, and its result as written. */
    public record KeyPart(String label, Double points, String result) {
    }

    /**
     * A part label at the start of a line: "(a)", "a)", "a.", "2a)", "**(b)**", "Part (c)", "（1）", "(1)", "1)". A bare
     * "1." is left alone: it numbers steps more often than parts.
     */
    private static final Pattern LABEL = Pattern.compile("^\\s*(?:[-*•]\\s+)?(?:\\*\\*)?(?:#+\\s*)?(?:part\\s*|第)?"
            + "(?:\\d{1,2}\\s*(?=[(（]?[a-h][)）.]))?"
            + "(?:[(（]\\s*([a-h]|[1-9]|i{1,3}|iv)\\s*[)）]|([a-h])[).:：](?!\\d)|([1-9])[)）](?!\\d)|([a-h])\\.(?=\\s))"
            + "(?:\\*\\*)?\\s*(?:小问|问)?", Pattern.CASE_INSENSITIVE);
    /** A part's points right after its label: "[5]", "（3分）", "(4 pts)". */
    private static final Pattern LEADING_POINTS = Pattern.compile(
            "^\\s*[\\[(（【]\\s*(\\d{1,3}(?:\\.\\d)?)\\s*(?:分|pts?|points?|marks?)?\\s*[\\])）】]",
            Pattern.CASE_INSENSITIVE);
    /** A part's points at the end of its first line: "……（4分）", "（共8分）", "(4 pts)". */
    private static final Pattern TRAILING_POINTS = Pattern.compile(
            "[(（]\\s*(?:共|total\\s*)?(\\d{1,3}(?:\\.\\d)?)\\s*(?:分|pts?|points?|marks?)\\s*[)）]\\s*[.。]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** A marking note, not a result: it speaks of points, credit or deductions. */
    private static final Pattern NOTE = Pattern.compile(
            "\\d\\s*(?:分|pts?\\b|points?\\b|marks?\\b)|\\d/\\d+\\s*[.。]?\\s*$"
                    + "|earns|credit|deduct|扣|给分|得分|不得分|亦可|也可|均可|\\baccept|\\balso fine|\\brule\\s*\\d|规则",
            Pattern.CASE_INSENSITIVE);
    /** A parenthesis that glosses or marks: "(= 90.0 km/h)", "（16.4 N 亦可）", "(accept 0.16)", "（4分）". */
    private static final Pattern GLOSS = Pattern
            .compile("[(（][^()（）]*(?:[=≈]|[A-Za-z]{3,}|[\\p{IsHan}]|%)[^()（）]*[)）]"
                    // "6.0×10⁴ W（60 kW）": the value again in other units; "(2a)" with no space is maths.
                    + "|[(（]\\s*[-+]?\\d[\\d.]*\\s+[A-Za-zΩμ][A-Za-zΩμ/²³·^\\d]*\\s*[)）]");
    /** Another way to the same result ("也可用叠加：…", "Alternatively, …"): its last value is a step of that way. */
    private static final Pattern ALTERNATIVE = Pattern.compile(
            "^[(（]?\\s*(?:也可|亦可|或用|或者用|另解|另法|alternatively|alternative|also\\b|or\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INEQUALITY = Pattern.compile("[<>≤≥]|\\\\(?:le|ge|leq|geq|lt|gt)(?![a-zA-Z])");

    private Parts() {
    }

    /** The key's parts with their results, in order; empty unless it has at least two labelled parts with results. */
    public static List<KeyPart> ofKey(String reference) {
        List<String> labels = new ArrayList<>();
        List<List<String>> bodies = new ArrayList<>();
        for (String line : reference.split("\n")) {
            Matcher m = LABEL.matcher(line);
            String label = m.find() ? label(m) : null;
            if (label != null && !labels.contains(label) && follows(labels, label)) {
                labels.add(label);
                bodies.add(new ArrayList<>(List.of(line.substring(m.end()))));
            } else if (!bodies.isEmpty()) {
                // A note that names a part again ("(b) if (a) was wrong …") belongs to the part it follows.
                bodies.get(bodies.size() - 1).add(line);
            }
        }
        if (labels.size() < 2) {
            return List.of();
        }
        List<KeyPart> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> body = bodies.get(i);
            String first = body.get(0);
            Double points = null;
            Matcher lead = LEADING_POINTS.matcher(first);
            if (lead.find()) {
                points = Double.valueOf(lead.group(1));
                body.set(0, first.substring(lead.end()));
            } else {
                Matcher trail = TRAILING_POINTS.matcher(first);
                points = trail.find() ? Double.valueOf(trail.group(1)) : null;
            }
            String result = result(body);
            if (result == null) {
                return List.of();
            }
            out.add(new KeyPart(labels.get(i), points, result));
        }
        return out;
    }

    /**
     * A part's result: its labelled answer line, else the last statement of its working with an "=" that is no
     * marking note, cut to its value.
     */
    static String result(List<String> body) {
        for (String line : body) {
            Matcher a = MathText.KEY_ANSWER.matcher(line);
            if (a.find()) {
                return strip(a.group(1));
            }
        }
        List<String> lines = new ArrayList<>();
        for (String line : body) {
            String l = line.strip();
            if (l.startsWith("=") && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + l);
            } else if (!l.isEmpty() && !l.matches("^[·•\\-*].*") && !ALTERNATIVE.matcher(l).find()) {
                lines.add(l);
            }
        }
        String last = null;
        for (String line : lines) {
            for (String sentence : line.split("……|…|。|；|;(?![^(]*\\))")) {
                String s = strip(sentence);
                if ((s.contains("=") || s.contains("≈")) && !NOTE.matcher(s).find()) {
                    last = s;
                }
            }
        }
        return last;
    }

    /** The statement without its glosses and marks, and with only the values after the last "=" that are no range. */
    private static String strip(String s) {
        String t = s;
        for (String before = ""; !before.equals(t);) {
            before = t;
            t = GLOSS.matcher(t).replaceAll(" ");
        }
        // A gloss cut off by the line's end ("0.65 (equivalently Σ(x" wrapped in a PDF): every bracket left open goes.
        for (String before = ""; !before.equals(t);) {
            before = t;
            t = t.replaceAll("[(（][^()（）]*$", "");
        }
        t = t.replaceAll("[\\s.。,，;；:：]+$", "").strip();
        List<String> kept = new ArrayList<>();
        for (String v : MathText.splitTopLevel(t)) {
            if (!INEQUALITY.matcher(v).find() && !v.isBlank()) {
                kept.add(v.strip());
            }
        }
        return kept.isEmpty() ? t : String.join("; ", results(kept));
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    /**
     * The statements that are results, not steps toward the last: "N = … = 16.97 N, f = μN = 0.20×16.97 = 3.4 N" is
     * the result 3.4 N, since the last statement uses N and 16.97; "U1 = 5 V, U2 = 3 V" are two results. A statement
     * before the last whose value is no number ("mg sinθ − f = ma") is a law used on the way.
     */
    static List<String> results(List<String> statements) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String st = statements.get(i);
            if (i == statements.size() - 1) {
                out.add(st);
                continue;
            }
            int eq = st.indexOf('=');
            String name = eq > 0 ? st.substring(0, eq).strip() : "";
            String value = st.substring(st.lastIndexOf('=') + 1).strip();
            Matcher number = NUMBER.matcher(value);
            String later = String.join("; ", statements.subList(i + 1, statements.size()));
            String laterWorking = later.replaceAll("(^|;\\s*)[^=;]*=", " ");
            boolean used = (!name.isEmpty() && name.matches("[\\p{L}][\\p{L}\\d_′']*") && laterWorking.contains(name))
                    || (number.find() && later.contains(number.group()) && !number.group().matches("\\d"));
            if (!used && NUMBER.matcher(value).find()) {
                out.add(st);
            }
        }
        return out;
    }

    /** The line without a part label at its start: "(a) v = at" is the equation v = at. */
    static String unlabel(String line) {
        Matcher m = LABEL.matcher(line);
        return m.find() && m.end() > 0 && label(m) != null ? line.substring(m.end()) : line;
    }

    /** The student's answer by part label; the text before the first label is kept under "". */
    public static Map<String, String> ofAnswer(String answer) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = "";
        List<String> order = new ArrayList<>();
        for (String line : answer.split("\n")) {
            Matcher m = LABEL.matcher(line);
            String label = m.find() ? label(m) : null;
            String rest = label == null ? line : line.substring(m.end());
            Matcher inner = LABEL.matcher(rest);
            if (label != null && inner.find() && label(inner) != null) {
                // "1) a) v = …": the problem's own number, then the part's label.
                label = label(inner);
                rest = rest.substring(inner.end());
            }
            if (label != null && order.isEmpty() && label.equals(next(first(label))) && out.containsKey("")
                    && !out.get("").isBlank()) {
                // "2a) …" was read as the problem's number and took the first part's label with it: the text before
                // the second label is the first part.
                order.add(first(label));
                out.put(first(label), out.remove(""));
            }
            if (label != null && !out.containsKey(label) && follows(order, label)) {
                current = label;
                order.add(label);
                out.put(label, rest);
                continue;
            }
            out.merge(current, line, (a, b) -> a + "\n" + b);
        }
        return out;
    }

    /**
     * The student's part for each key part: by label when every label is there, else by order when the answer has
     * as many parts as the key; null where none can be paired.
     */
    public static List<String> pair(List<KeyPart> key, Map<String, String> answer) {
        List<String> labels = answer.keySet().stream().filter(l -> !l.isEmpty()).toList();
        List<String> out = new ArrayList<>();
        boolean byLabel = key.stream().allMatch(k -> answer.containsKey(k.label()));
        for (int i = 0; i < key.size(); i++) {
            if (byLabel) {
                out.add(answer.get(key.get(i).label()));
            } else if (labels.size() == key.size()) {
                out.add(answer.get(labels.get(i)));
            } else {
                out.add(null);
            }
        }
        return out;
    }

    private static String label(Matcher m) {
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                return m.group(g).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Labels come in order: a, b, c or 1, 2, 3 or i, ii, iii; anything else is text that looks like a label. */
    private static boolean follows(List<String> labels, String label) {
        String expected = labels.isEmpty() ? null : next(labels.get(labels.size() - 1));
        return labels.isEmpty() ? label.equals("a") || label.equals("1") || label.equals("i")
                : label.equals(expected);
    }

    /** The first label of the family a label belongs to: 1, i or a. */
    private static String first(String label) {
        return label.matches("\\d+") ? "1" : label.matches("i{1,3}|iv") && !label.equals("i") ? "i" : "a";
    }

    private static String next(String label) {
        return switch (label) {
            case "i" -> "ii";
            case "ii" -> "iii";
            case "iii" -> "iv";
            default -> label.length() == 1 ? String.valueOf((char) (label.charAt(0) + 1)) : "";
        };
    }
}
