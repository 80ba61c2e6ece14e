package ai.smartai.backend.grading.sandbox;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Python literal (what {@code ast.literal_eval} accepts, less complex numbers) into values the server can
 * compare, with Python's equality. A program's results are compared here, outside the sandbox, so that nothing the
 * student wrote runs during the comparison. The reader only reads: depth, item count and length are capped, and
 * anything else is "not a literal".
 */
final class PyLiteral {

    static final int MAX_CHARS = 1 << 20;
    static final int MAX_DEPTH = 100;
    static final int MAX_ITEMS = 100_000;

    /** A Python value: int, float, bool, str, bytes, None, list, tuple, dict or set. */
    sealed interface Value permits Int, Float, Bool, Str, Bytes, None, Seq, Dict, PySet {
    }

    record Int(BigInteger value) implements Value {
    }

    record Float(double value) implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    record Str(String value) implements Value {
    }

    /** Bytes held one char per byte (ISO-8859-1). */
    record Bytes(String latin1) implements Value {
    }

    record None() implements Value {
    }

    /** A list, or a tuple when {@code tuple}. */
    record Seq(List<Value> items, boolean tuple) implements Value {
    }

    /** Keys in their first spelling, by their Python hash identity ({@link #key}); later duplicates win. */
    record Dict(Map<Object, Value[]> entries) implements Value {
    }

    record PySet(Map<Object, Value> items) implements Value {
    }

    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern NUMBER = Pattern.compile("0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+"
            + "|(?:" + DIGITS + ")?\\." + DIGITS + "(?:[eE][+-]?" + DIGITS + ")?"
            + "|" + DIGITS + "\\.?(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern FLOAT_TEXT = Pattern.compile("[+-]?(?:(?:" + DIGITS + ")(?:\\.(?:" + DIGITS
            + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?|[+-]?(?:inf|infinity|nan)",
            Pattern.CASE_INSENSITIVE);

    private final String text;
    private int at;
    private int items;

    private PyLiteral(String text) {
        this.text = text;
    }

    /** The literal in {@code text}, or empty when it is not one (or is too large or deep). */
    static Optional<Value> parse(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        PyLiteral reader = new PyLiteral(text);
        try {
            reader.skip();
            Value first = reader.value(0);
            reader.skip();
            if (reader.peek(',')) {
                // a bare tuple: "1, 2"
                List<Value> tuple = new ArrayList<>(List.of(first));
                reader.items(tuple, '\0', 0);
                first = new Seq(List.copyOf(tuple), true);
            }
            reader.skip();
            return reader.at == text.length() ? Optional.of(first) : Optional.empty();
        } catch (NotALiteral e) {
            return Optional.empty();
        }
    }

    private static final class NotALiteral extends Exception {
        NotALiteral() {
            super(null, null, false, false);
        }
    }

    private Value value(int depth) throws NotALiteral {
        if (depth > MAX_DEPTH || ++items > MAX_ITEMS || at >= text.length()) {
            throw new NotALiteral();
        }
        char c = text.charAt(at);
        switch (c) {
            case '[' -> {
                at++;
                List<Value> list = new ArrayList<>();
                items(list, ']', depth + 1);
                return new Seq(List.copyOf(list), false);
            }
            case '(' -> {
                at++;
                skip();
                if (peek(')')) {
                    at++;
                    return new Seq(List.of(), true);
                }
                Value inner = value(depth + 1);
                skip();
                if (peek(')')) {
                    at++;
                    return inner;
                }
                List<Value> tuple = new ArrayList<>(List.of(inner));
                items(tuple, ')', depth + 1);
                return new Seq(List.copyOf(tuple), true);
            }
            case '{' -> {
                at++;
                return braces(depth + 1);
            }
            case '-', '+' -> {
                at++;
                skip();
                Value n = number();
                return c == '+' ? n : negate(n);
            }
            default -> {
                if (Character.isDigit(c) || c == '.') {
                    return number();
                }
                if (c == '\'' || c == '"' || Character.isLetter(c)) {
                    return wordOrString();
                }
                throw new NotALiteral();
            }
        }
    }

    /** Items after the first, separated by commas, up to {@code close} ('\0': the end of the text). */
    private void items(List<Value> into, char close, int depth) throws NotALiteral {
        while (true) {
            skip();
            if (close == '\0' && at == text.length()) {
                return;
            }
            if (close != '\0' && peek(close)) {
                at++;
                return;
            }
            if (!into.isEmpty()) {
                if (!peek(',')) {
                    throw new NotALiteral();
                }
                at++;
                skip();
                if (close != '\0' && peek(close)) {
                    at++;
                    return;
                }
                if (close == '\0' && at == text.length()) {
                    return;
                }
            }
            into.add(value(depth));
        }
    }

    private Value braces(int depth) throws NotALiteral {
        skip();
        if (peek('}')) {
            at++;
            return new Dict(new LinkedHashMap<>());
        }
        Value first = value(depth);
        skip();
        if (peek(':')) {
            Map<Object, Value[]> dict = new LinkedHashMap<>();
            while (true) {
                at++;
                skip();
                Value v = value(depth);
                Value[] old = dict.get(key(first));
                if (old != null) {
                    old[1] = v;
                } else {
                    dict.put(key(first), new Value[] { first, v });
                }
                skip();
                if (peek(',')) {
                    at++;
                    skip();
                } else if (!peek('}')) {
                    throw new NotALiteral();
                }
                if (peek('}')) {
                    at++;
                    return new Dict(dict);
                }
                first = value(depth);
                skip();
                if (!peek(':')) {
                    throw new NotALiteral();
                }
            }
        }
        List<Value> members = new ArrayList<>(List.of(first));
        items(members, '}', depth);
        Map<Object, Value> set = new LinkedHashMap<>();
        for (Value m : members) {
            set.putIfAbsent(key(m), m);
        }
        return new PySet(set);
    }

    private Value number() throws NotALiteral {
        Matcher m = NUMBER.matcher(text).region(at, text.length());
        if (!m.lookingAt()) {
            throw new NotALiteral();
        }
        String n = m.group().replace("_", "");
        at = m.end();
        if (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            throw new NotALiteral(); // 1j (complex), 1abc
        }
        if (n.length() > 2 && n.charAt(0) == '0' && Character.isLetter(n.charAt(1))) {
            int radix = switch (Character.toLowerCase(n.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            return new Int(new BigInteger(n.substring(2), radix));
        }
        if (n.contains(".") || n.contains("e") || n.contains("E")) {
            return new Float(Double.parseDouble(n));
        }
        if (n.length() > 4300) {
            throw new NotALiteral(); // Python's own limit on int digits
        }
        if (n.length() > 1 && n.charAt(0) == '0' && !n.chars().allMatch(ch -> ch == '0')) {
            throw new NotALiteral(); // 007 is a syntax error in Python 3
        }
        return new Int(new BigInteger(n));
    }

    private static Value negate(Value n) {
        return n instanceof Int i ? new Int(i.value().negate()) : new Float(-((Float) n).value());
    }

    private Value wordOrString() throws NotALiteral {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        String word = text.substring(start, at);
        if (at < text.length() && (text.charAt(at) == '\'' || text.charAt(at) == '"')
                && word.matches("(?i)r|u|b|br|rb|")) {
            at = start;
            return strings();
        }
        switch (word) {
            case "True" :
                return new Bool(true);
            case "False" :
                return new Bool(false);
            case "None" :
                return new None();
            case "set" :
                skip();
                if (peek('(')) {
                    at++;
                    skip();
                    if (peek(')')) {
                        at++;
                        return new PySet(new LinkedHashMap<>());
                    }
                }
                throw new NotALiteral();
            default :
                throw new NotALiteral();
        }
    }

    /** One or more adjacent string literals, joined as Python joins them; str and bytes do not mix. */
    private Value strings() throws NotALiteral {
        StringBuilder joined = new StringBuilder();
        Boolean bytes = null;
        while (true) {
            int start = at;
            while (at < text.length() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            String prefix = text.substring(start, at).toLowerCase();
            if (!prefix.matches("r|u|b|br|rb|") || at >= text.length()
                    || (text.charAt(at) != '\'' && text.charAt(at) != '"')) {
                if (bytes == null) {
                    throw new NotALiteral();
                }
                at = start;
                break;
            }
            boolean isBytes = prefix.contains("b");
            if (bytes != null && bytes != isBytes) {
                throw new NotALiteral();
            }
            bytes = isBytes;
            joined.append(string(prefix.contains("r"), isBytes));
            int before = at;
            skip();
            if (at >= text.length() || !(text.charAt(at) == '\'' || text.charAt(at) == '"'
                    || Character.isLetter(text.charAt(at)))) {
                at = before;
                break;
            }
        }
        if (joined.length() > MAX_CHARS) {
            throw new NotALiteral();
        }
        return bytes ? new Bytes(joined.toString()) : new Str(joined.toString());
    }

    private String string(boolean raw, boolean bytes) throws NotALiteral {
        char quote = text.charAt(at);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), at);
        at += triple ? 3 : 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw new NotALiteral();
            }
            char c = text.charAt(at);
            if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), at))) {
                at += triple ? 3 : 1;
                return out.toString();
            }
            if ((c == '\n' || c == '\r') && !triple) {
                throw new NotALiteral();
            }
            if (bytes && c > 0x7f) {
                throw new NotALiteral();
            }
            if (c != '\\') {
                out.append(c);
                at++;
                continue;
            }
            if (at + 1 >= text.length()) {
                throw new NotALiteral();
            }
            char e = text.charAt(at + 1);
            if (raw) {
                out.append(c).append(e);
                at += 2;
                continue;
            }
            at += 2;
            switch (e) {
                case '\n' -> {
                }
                case '\\', '\'', '"' -> out.append(e);
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> out.appendCodePoint(hex(2));
                case 'u', 'U', 'N' -> {
                    if (bytes) {
                        out.append('\\').append(e);
                    } else if (e == 'N') {
                        out.appendCodePoint(named());
                    } else {
                        int cp = hex(e == 'u' ? 4 : 8);
                        if (cp > Character.MAX_CODE_POINT) {
                            throw new NotALiteral();
                        }
                        out.appendCodePoint(cp);
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        for (int k = 0; k < 2 && at < text.length() && text.charAt(at) >= '0'
                                && text.charAt(at) <= '7'; k++) {
                            v = v * 8 + text.charAt(at++) - '0';
                        }
                        if (bytes && v > 0xff) {
                            throw new NotALiteral();
                        }
                        out.appendCodePoint(bytes ? v & 0xff : v);
                    } else {
                        out.append('\\').append(e); // Python keeps unknown escapes as they are
                    }
                }
            }
        }
    }

    private int hex(int digits) throws NotALiteral {
        if (at + digits > text.length()) {
            throw new NotALiteral();
        }
        String h = text.substring(at, at + digits);
        if (!h.matches("[0-9a-fA-F]+")) {
            throw new NotALiteral();
        }
        at += digits;
        return (int) Long.parseLong(h, 16);
    }

    private int named() throws NotALiteral {
        int close = text.indexOf('}', at);
        if (!peek('{') || close < 0 || close - at > 100) {
            throw new NotALiteral();
        }
        String name = text.substring(at + 1, close);
        at = close + 1;
        try {
            return Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw new NotALiteral();
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    /** Spaces, line continuations and comments. */
    private void skip() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                at++;
            } else if (c == '\\' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
                at += 2;
            } else if (c == '#') {
                while (at < text.length() && text.charAt(at) != '\n') {
                    at++;
                }
            } else {
                return;
            }
        }
    }

    // ---- Python's equality ----

    private static final Object NONE_KEY = new Object();

    private record StrKey(String value) {
    }

    private record BytesKey(String value) {
    }

    /**
     * What Python's hash and equality see of a hashable value: equal numbers of any type give one key (1, 1.0 and
     * True are one dict key). Lists, dicts and sets are unhashable: not a literal as a key.
     */
    private static Object key(Value v) throws NotALiteral {
        if (v instanceof Int || v instanceof Bool) {
            return integer(v);
        }
        if (v instanceof Float f) {
            return Double.isFinite(f.value()) && f.value() == Math.rint(f.value())
                    ? new BigDecimal(f.value()).toBigIntegerExact() : Double.valueOf(f.value());
        }
        if (v instanceof Str s) {
            return new StrKey(s.value());
        }
        if (v instanceof Bytes b) {
            return new BytesKey(b.latin1());
        }
        if (v instanceof None) {
            return NONE_KEY;
        }
        if (v instanceof Seq s && s.tuple()) {
            List<Object> keys = new ArrayList<>();
            for (Value item : s.items()) {
                keys.add(key(item));
            }
            return keys;
        }
        throw new NotALiteral();
    }

    /** Python's {@code a == b}. */
    static boolean equal(Value a, Value b) {
        if (isNumber(a) && isNumber(b)) {
            return numbersEqual(a, b);
        }
        if (a instanceof Str s) {
            return b instanceof Str t && s.value().equals(t.value());
        }
        if (a instanceof Bytes s) {
            return b instanceof Bytes t && s.latin1().equals(t.latin1());
        }
        if (a instanceof None) {
            return b instanceof None;
        }
        if (a instanceof Seq s) {
            return b instanceof Seq t && s.tuple() == t.tuple() && itemsEqual(s.items(), t.items());
        }
        if (a instanceof Dict d) {
            return b instanceof Dict e && d.entries().size() == e.entries().size()
                    && d.entries().entrySet().stream().allMatch(x -> {
                        Value[] other = e.entries().get(x.getKey());
                        return other != null && equal(x.getValue()[1], other[1]);
                    });
        }
        if (a instanceof PySet s) {
            return b instanceof PySet t && s.items().size() == t.items().size()
                    && t.items().keySet().containsAll(s.items().keySet());
        }
        return false;
    }

    private static boolean itemsEqual(List<Value> a, List<Value> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isNumber(Value v) {
        return v instanceof Int || v instanceof Float || v instanceof Bool;
    }

    private static boolean numbersEqual(Value a, Value b) {
        if (a instanceof Float x && b instanceof Float y) {
            return x.value() == y.value();
        }
        if (a instanceof Float || b instanceof Float) {
            double f = a instanceof Float x ? x.value() : ((Float) b).value();
            BigInteger i = integer(a instanceof Float ? b : a);
            return Double.isFinite(f) && new BigDecimal(f).compareTo(new BigDecimal(i)) == 0;
        }
        return integer(a).equals(integer(b));
    }

    private static BigInteger integer(Value v) {
        return v instanceof Int i ? i.value() : ((Bool) v).value() ? BigInteger.ONE : BigInteger.ZERO;
    }

    /**
     * Python's {@code float(v)}: numbers, and strings in Python's float syntax; empty for anything else (and for
     * an int too large for a float, where Python raises).
     */
    static Optional<Double> asFloat(Value v) {
        if (v instanceof Float f) {
            return Optional.of(f.value());
        }
        if (v instanceof Int || v instanceof Bool) {
            double d = integer(v).doubleValue();
            return Double.isInfinite(d) ? Optional.empty() : Optional.of(d);
        }
        if (v instanceof Str s) {
            return floatText(s.value());
        }
        if (v instanceof Bytes b) {
            return floatText(b.latin1());
        }
        return Optional.empty();
    }

    /** A string read as Python's {@code float()} reads it (surrounding whitespace allowed). */
    static Optional<Double> floatText(String s) {
        String t = strip(s);
        if (!FLOAT_TEXT.matcher(t).matches()) {
            return Optional.empty();
        }
        String n = t.replace("_", "").toLowerCase();
        String unsigned = n.replaceFirst("^[+-]", "");
        double sign = n.startsWith("-") ? -1 : 1;
        if (unsigned.startsWith("inf")) {
            return Optional.of(sign * Double.POSITIVE_INFINITY);
        }
        if (unsigned.equals("nan")) {
            return Optional.of(Double.NaN);
        }
        return Optional.of(Double.parseDouble(n));
    }

    // ---- Python's whitespace ----

    /** Python's {@code str.isspace()} for one character. */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /** Python's {@code str.split()}: runs of whitespace separate, none at either end. */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }
}
