package ai.smartai.backend.grading.cas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks a key names in words, one per line: "- Subnet mask: Answer: 255.255.255.192", "可用主机数：62". A student
 * writes the same blanks in words of their own ("mask = …", "hosts = 64", "first = …", all on one line or one per
 * line), so each blank's value is found by the words its label shares with the key's, and compared with that blank's
 * value only. Values are numbers or IPv4 addresses; anything else leaves the blanks to the usual reading.
 */
public final class NamedBlanks {

    /** One blank of the key: its label as written and its value. */
    public record Blank(String label, String value) {
    }

    /** An IPv4 address in dotted decimal, or its 32 bits in four dotted octets of binary. */
    private static final Pattern DOTTED_DECIMAL = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern DOTTED_BINARY = Pattern.compile("([01]{8})\\.([01]{8})\\.([01]{8})\\.([01]{8})");
    /** A blank's value at the start of a text: an address, or a number (not a date, a version or a label). */
    private static final Pattern VALUE = Pattern.compile("^(?:[01]{8}(?:\\.[01]{8}){3}|\\d{1,3}(?:\\.\\d{1,3}){3}"
            + "|[-−]?\\d+(?:\\.\\d+)?(?:/\\d+)?)(?![\\d.]*\\w)");
    /** A key line naming a blank: "- Subnet mask: Answer: 255.255.255.192 …", "**Broadcast**: …", "广播地址：…". */
    private static final Pattern KEY_LINE = Pattern.compile(
            "^\\s*(?:[-*•]\\s+)?(?:\\*\\*)?([\\p{L}][\\p{L} '’-]{0,38}?)"
                    + "(?:\\*\\*)?\\s*[:：]\\s*(?:\\*\\*)?(?:(?:answer|答案)\\s*[:：]\\s*)?(?:\\*\\*)?\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    /** Labels that name a part of the key's own text, not a blank: "Answer:", "Working:", "Partial credit:". */
    private static final Pattern NOT_A_BLANK = Pattern.compile("(?i)answer|working|solution|note|credit|rubric|mark|"
            + "point|score|hint|example|total|step|method|rule|answer key|答案|解|评分|说明|注|提示|过程|步骤|方法|得分|总分");
    /** What stands between a student's label and value: "=", ":", "is", "为", "是". */
    private static final Pattern BETWEEN = Pattern.compile("\\s*(?:[:：=]|\\bis\\b|\\bare\\b|为|是)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HAN_RUN = Pattern.compile("[\\p{IsHan}]+");
    private static final Pattern WORD = Pattern.compile("[a-z]{3,}");
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "its", "this", "that");

    private NamedBlanks() {
    }

    /** The key's named blanks in order: at least two, each with a value; else none. */
    public static List<Blank> ofKey(String reference) {
        List<Blank> out = new ArrayList<>();
        for (String line : reference.split("\n")) {
            Matcher m = KEY_LINE.matcher(line);
            if (!m.find()) {
                continue;
            }
            String label = m.group(1).strip();
            if (NOT_A_BLANK.matcher(label).find() || label.split("\\s+").length > 5 || words(label).isEmpty()) {
                continue;
            }
            value(m.group(2)).ifPresent(v -> out.add(new Blank(label, v)));
        }
        boolean distinct = out.stream().map(b -> words(b.label())).distinct().count() == out.size();
        return out.size() >= 2 && distinct ? out : List.of();
    }

    /**
     * The student's value for each blank, in the key's order: each blank goes to the statement whose label shares
     * the largest part of its words (the last one of equal share: a result restated after its working), no statement
     * serving two; null for a blank that finds none.
     */
    public static List<String> answered(String answer, List<Blank> blanks) {
        List<String[]> statements = new ArrayList<>();
        for (String line : answer.split("\n")) {
            for (String piece : line.split("[,，;；](?!\\d)")) {
                statement(piece).ifPresent(statements::add);
            }
        }
        String[] values = new String[blanks.size()];
        boolean[] used = new boolean[statements.size()];
        for (int round = 0; round < blanks.size(); round++) {
            double best = 0;
            int bestBlank = -1;
            int bestStatement = -1;
            for (int b = 0; b < blanks.size(); b++) {
                for (int s = statements.size() - 1; s >= 0 && values[b] == null; s--) {
                    double share = used[s] ? 0 : overlap(words(blanks.get(b).label()), words(statements.get(s)[0]));
                    if (share > best) {
                        best = share;
                        bestBlank = b;
                        bestStatement = s;
                    }
                }
            }
            if (bestBlank < 0) {
                break;
            }
            values[bestBlank] = statements.get(bestStatement)[1];
            used[bestStatement] = true;
        }
        return Arrays.asList(values);
    }

    /**
     * The 32 bits of an IPv4 address as a decimal integer, so that the CAS compares two addresses as numbers and a
     * binary mask equals its dotted decimal; empty for anything else.
     */
    public static Optional<String> ipv4(String text) {
        String t = text.replace("$", "").strip();
        Matcher d = DOTTED_DECIMAL.matcher(t);
        Matcher b = DOTTED_BINARY.matcher(t);
        int radix = b.matches() ? 2 : 10;
        Matcher m = b.matches() ? b : d.matches() ? d : null;
        if (m == null) {
            return Optional.empty();
        }
        long bits = 0;
        for (int g = 1; g <= 4; g++) {
            int octet = Integer.parseInt(m.group(g), radix);
            if (octet > 255) {
                return Optional.empty();
            }
            bits = (bits << 8) | octet;
        }
        return Optional.of(Long.toString(bits));
    }

    /** A student's "label = … = value" statement as [label, value], the value after its last "="; else none. */
    private static Optional<String[]> statement(String piece) {
        String p = piece.replace("**", "").replace("`", "").strip().replaceFirst("^(?:[-*•]|\\d+[.)]|[(（]\\d+[)）])\\s*",
                "");
        Matcher value = Pattern.compile("(?:^|[\\s:：=])(?=[01]{8}\\.|\\d)").matcher(p);
        if (!value.find() || value.start() == 0) {
            return Optional.empty();
        }
        String label = BETWEEN.matcher(p.substring(0, value.start() + 1)).replaceAll(" ").strip();
        String rest = p.substring(value.start() + 1);
        rest = rest.substring(rest.lastIndexOf('=') + 1).strip();
        Optional<String> v = value(rest);
        return words(label).isEmpty() || v.isEmpty() ? Optional.empty() : Optional.of(new String[] { label, v.get() });
    }

    /** The value a text starts with, when nothing but a gloss or a sentence's end follows it. */
    private static Optional<String> value(String text) {
        String t = text.replace("**", "").replace("`", "").strip();
        Matcher m = VALUE.matcher(t);
        if (!m.find()) {
            return Optional.empty();
        }
        String after = t.substring(m.end()).strip();
        boolean alone = after.isEmpty() || after.matches("^(?:[.。;；,，]|[(（]).*");
        return alone ? Optional.of(m.group().replace('−', '-')) : Optional.empty();
    }

    /** A label's words: English words of three letters or more (plurals as their singular), Chinese as bigrams. */
    static Set<String> words(String label) {
        Set<String> out = new HashSet<>();
        Matcher w = WORD.matcher(label.toLowerCase(Locale.ROOT));
        while (w.find()) {
            String word = w.group().replaceFirst("(?<=[^s])s$", "");
            if (!STOP.contains(word)) {
                out.add(word);
            }
        }
        Matcher h = HAN_RUN.matcher(label);
        while (h.find()) {
            String run = h.group();
            for (int i = 0; i + 1 < run.length(); i++) {
                out.add(run.substring(i, i + 2));
            }
            if (run.length() == 1) {
                out.add(run);
            }
        }
        return out;
    }

    private static double overlap(Set<String> key, Set<String> student) {
        long shared = student.stream().filter(key::contains).count();
        Set<String> union = new HashSet<>(key);
        union.addAll(student);
        return union.isEmpty() ? 0 : (double) shared / union.size();
    }
}
