package ai.smartai.backend.grading.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.model.problem.TestCase;

/**
 * Function tests for a Java answer: the key states calls ({@code fib(10)} / {@code 55}) and the student writes the
 * method. A driver class calls it, test by test (the test's index on stdin), with the key's literal arguments written
 * for the method's parameter types, and prints the result as Python would show it, so the server compares it as it
 * compares a Python call's value ({@link Verdict#value}). Output the method prints itself is discarded.
 */
final class JavaCalls {

    /** The files to compile beside the student's, and the class to run. */
    record Driver(String studentFile, String studentSource, String driverSource, Map<String, String> aliases) {
        static final String CLASS = "SmartaiDriver";
    }

    /** A key's call, {@code name(args)}: the function's name and the text of its arguments. */
    static final Pattern CALL = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");
    private static final Pattern PUBLIC_CLASS = Pattern
            .compile("\\bpublic\\s+(?:final\\s+|abstract\\s+)*class\\s+(\\w+)");
    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+(\\w+)");
    private static final String SHOW = """
                static String show(Object o) {
                    if (o == null) return "None";
                    if (o instanceof Boolean b) return b ? "True" : "False";
                    if (o instanceof String || o instanceof Character) return quote(o.toString());
                    if (o instanceof Double || o instanceof Float) return o.toString().replace('E', 'e');
                    if (o.getClass().isArray()) {
                        StringBuilder s = new StringBuilder("[");
                        for (int i = 0; i < java.lang.reflect.Array.getLength(o); i++) {
                            s.append(i > 0 ? ", " : "").append(show(java.lang.reflect.Array.get(o, i)));
                        }
                        return s.append("]").toString();
                    }
                    if (o instanceof java.util.Set<?> set) {
                        if (set.isEmpty()) return "set()";
                        StringBuilder s = new StringBuilder("{");
                        for (Object x : set) s.append(s.length() > 1 ? ", " : "").append(show(x));
                        return s.append("}").toString();
                    }
                    if (o instanceof java.util.Collection<?> c) return show(c.toArray());
                    if (o instanceof java.util.Map<?, ?> m) {
                        StringBuilder s = new StringBuilder("{");
                        for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                            s.append(s.length() > 1 ? ", " : "").append(show(e.getKey())).append(": ")
                                    .append(show(e.getValue()));
                        }
                        return s.append("}").toString();
                    }
                    return o.toString();
                }

                static String quote(String s) {
                    StringBuilder q = new StringBuilder("\\"");
                    for (char c : s.toCharArray()) {
                        switch (c) {
                            case '\\\\' -> q.append("\\\\\\\\");
                            case '"' -> q.append("\\\\\\"");
                            case '\\n' -> q.append("\\\\n");
                            case '\\t' -> q.append("\\\\t");
                            default -> q.append(c);
                        }
                    }
                    return q.append('"').toString();
                }
            """;

    private JavaCalls() {
    }

    /**
     * The driver for these tests, or empty when a call names no method of the answer or an argument cannot be written
     * for its parameter's type (the grade then goes to the teacher).
     */
    static Optional<Driver> driver(String source, List<TestCase> tests) {
        String student = runnable(PACKAGE.matcher(source).replaceAll(""));
        StringBuilder cases = new StringBuilder();
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<Integer, Matcher> states = new LinkedHashMap<>();
        for (int i = 0; i < tests.size(); i++) {
            Matcher call = CALL.matcher(tests.get(i).input());
            Matcher state = STATE.matcher(tests.get(i).input());
            if (!call.matches() && state.matches()) {
                states.put(i, state);
                continue;
            }
            if (!call.matches()) {
                return Optional.empty();
            }
            Optional<String> used = method(student, call.group(1), splitTop(call.group(2)).size());
            if (used.isEmpty()) {
                return Optional.empty();
            }
            if (!used.get().equals(call.group(1))) {
                aliases.put(call.group(1), used.get());
            }
            Optional<String> expression = expression(student, used.get(), call.group(2));
            if (expression.isEmpty()) {
                return Optional.empty();
            }
            cases.append("            case ").append(i).append(" -> result = ").append(expression.get()).append(";\n");
        }
        for (Map.Entry<Integer, Matcher> state : states.entrySet()) {
            Optional<String> block = statements(student, state.getValue().group(1), aliases, used(tests));
            if (block.isEmpty()) {
                return Optional.empty();
            }
            cases.append("            case ").append(state.getKey()).append(" -> { ").append(block.get())
                    .append(" result = ").append(state.getValue().group(2)).append("; }\n");
        }
        Matcher pub = PUBLIC_CLASS.matcher(student);
        String file = (pub.find() ? pub.group(1) : "Student") + ".java";
        String driver = "public class " + Driver.CLASS + " {\n"
                + "    public static void main(String[] args) throws Throwable {\n"
                + "        int test = Integer.parseInt(new java.io.BufferedReader(new java.io.InputStreamReader("
                + "System.in)).readLine().trim());\n"
                + "        java.io.PrintStream out = System.out;\n"
                + "        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));\n"
                + "        Object result;\n"
                + "        switch (test) {\n" + cases
                + "            default -> throw new IllegalArgumentException(\"no test \" + test);\n"
                + "        }\n"
                + "        System.setOut(out);\n"
                + "        out.println(show(result));\n"
                + "    }\n\n" + SHOW + "}\n";
        return Optional.of(new Driver(file, student, driver, Map.copyOf(aliases)));
    }

    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?[\\w.*]+\\s*;\\s*$");
    private static final Pattern METHOD_HEAD = Pattern.compile("((?:(?:public|private|protected|static|final|"
            + "synchronized)\\s+)*)([\\w<>\\[\\],.? ]+?)\\s+([A-Za-z_]\\w*)\\s*\\(([^)]*)\\)\\s*"
            + "(?:throws\\s+[\\w.,\\s]+)?\\{");
    static final String WRAPPER = "SmartaiStudent";

    /**
     * The answer as a class the driver can call: as written when it is one whole class without a {@code main}; else
     * its methods (a student's own {@code main} left out: it is not graded and may call methods of other problems)
     * in a class of ours, with the imports a method alone cannot show.
     */
    static String runnable(String source) {
        boolean whole = CLASS.matcher(source).find() && balanced(source);
        List<String> methods = new ArrayList<>();
        Matcher m = METHOD_HEAD.matcher(source);
        int from = 0;
        boolean main = false;
        while (m.find(from)) {
            int end = bodyEnd(source, m.end() - 1);
            if (m.group(2).isBlank() || m.group(2).strip().matches("(?s).*\\b(return|new|else|class)\\b.*")
                    || end < 0) {
                from = m.end();
                continue;
            }
            if (m.group(3).equals("main")) {
                main = true;
            } else {
                methods.add(source.substring(m.start(), end + 1));
            }
            from = end + 1;
        }
        if (whole && !main || methods.isEmpty()) {
            return source;
        }
        StringBuilder out = new StringBuilder("import java.util.*;\n");
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            out.append(imports.group().strip()).append('\n');
        }
        out.append("class ").append(WRAPPER).append(" {\n");
        methods.forEach(x -> out.append(x).append("\n\n"));
        return out.append("}\n").toString();
    }

    /** The index of the brace that closes the one at {@code open}, or -1; strings, chars and comments skipped. */
    static int bodyEnd(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'') {
                for (i++; i < s.length() && s.charAt(i) != ch; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
            } else if (s.startsWith("/*", i)) {
                i = s.indexOf("*/", i + 2) < 0 ? s.length() : s.indexOf("*/", i + 2) + 1;
            } else if (ch == '{') {
                depth++;
            } else if (ch == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean balanced(String s) {
        int open = s.indexOf('{');
        return open >= 0 && bodyEnd(s, open) >= 0 && s.substring(bodyEnd(s, open) + 1).indexOf('{') < 0
                && s.substring(bodyEnd(s, open) + 1).indexOf('}') < 0;
    }

    /**
     * The method the tests' {@code name} stands for: that name, else the one method with as many parameters whose
     * name differs from it by at most two letters ({@code countVowel} for {@code countVowels}) or only in case.
     */
    static Optional<String> method(String source, String name, int params) {
        List<String> close = new ArrayList<>();
        Matcher m = METHOD_HEAD.matcher(source);
        while (m.find()) {
            String found = m.group(3);
            if (found.equals(name)) {
                return Optional.of(name);
            }
            if (!m.group(2).isBlank() && !m.group(2).strip().matches("(?s).*\\b(return|new|else|class)\\b.*")
                    && !found.equals("main")
                    && splitTop(m.group(4)).size() == params && near(found, name) && !close.contains(found)) {
                close.add(found);
            }
        }
        return close.size() == 1 ? Optional.of(close.get(0)) : Optional.empty();
    }

    private static boolean near(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT).replace("_", "");
        String y = b.toLowerCase(Locale.ROOT).replace("_", "");
        if (x.equals(y)) {
            return true;
        }
        int[] prev = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            int[] cur = new int[y.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[y.length()] <= 2;
    }

    /** {@code Cls.name(args)} (or {@code new Cls().name(args)}) for the method the answer declares. */
    private static Optional<String> expression(String source, String name, String argsText) {
        Pattern decl = Pattern.compile("((?:(?:public|private|protected|static|final|synchronized)\\s+)*)"
                + "([\\w<>\\[\\],.? ]+?)\\s+" + Pattern.quote(name)
                + "\\s*\\(([^)]*)\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");
        Matcher m = decl.matcher(source);
        if (!m.find() || m.group(2).strip().matches("(return|new|else)")) {
            return Optional.empty();
        }
        String cls = null;
        Matcher c = CLASS.matcher(source.substring(0, m.start()));
        while (c.find()) {
            cls = c.group(1);
        }
        if (cls == null) {
            return Optional.empty();
        }
        List<String> params = splitTop(m.group(3));
        List<String> args = splitTop(argsText);
        if (params.size() != args.size()) {
            return Optional.empty();
        }
        List<String> written = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String param = params.get(i).replaceAll("\\bfinal\\s+", "").strip();
            String type = param.substring(0, param.lastIndexOf(' ') < 0 ? param.length() : param.lastIndexOf(' '))
                    .strip();
            Optional<String> arg = literal(args.get(i).strip(), type);
            if (arg.isEmpty()) {
                return Optional.empty();
            }
            written.add(arg.get());
        }
        boolean isStatic = m.group(1).contains("static");
        String target = isStatic ? cls : "new " + cls + "()";
        return Optional.of(target + "." + name + "(" + String.join(", ", written) + ")");
    }

    /** A Python-style literal from the key written as Java for a parameter of {@code type}. */
    static Optional<String> literal(String value, String type) {
        String t = type.replaceAll("\\s+", "");
        String v = value.strip();
        if (t.endsWith("[]")) {
            if (!v.startsWith("[") || !v.endsWith("]")) {
                return Optional.empty();
            }
            return items(v, t.substring(0, t.length() - 2)).map(items -> "new " + t + "{" + items + "}");
        }
        Matcher generic = Pattern.compile("(?:java\\.util\\.)?(List|ArrayList|Collection|Set|HashSet)<(.+)>")
                .matcher(t);
        if (generic.matches()) {
            boolean set = generic.group(1).contains("Set");
            String open = set ? "{" : "[";
            String close = set ? "}" : "]";
            if (!(v.startsWith(open) || v.startsWith("[")) || !(v.endsWith(close) || v.endsWith("]"))) {
                return Optional.empty();
            }
            String element = generic.group(2);
            return items(v, element).map(items -> "new java.util." + (set ? "HashSet" : "ArrayList") + "<" + element
                    + ">(java.util.Arrays.asList(" + items + "))");
        }
        switch (t) {
            case "int", "Integer", "short", "Short", "byte", "Byte" -> {
                return v.matches("-?\\d+") ? Optional.of(t.startsWith("int") || t.equals("Integer") ? v
                        : "(" + t.toLowerCase(Locale.ROOT) + ") " + v) : Optional.empty();
            }
            case "long", "Long" -> {
                return v.matches("-?\\d+") ? Optional.of(v + "L") : Optional.empty();
            }
            case "double", "Double", "float", "Float" -> {
                if (!v.matches("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    return Optional.empty();
                }
                return Optional.of(t.equalsIgnoreCase("float") ? v + "f" : v + (v.matches("-?\\d+") ? ".0" : ""));
            }
            case "boolean", "Boolean" -> {
                return switch (v) {
                    case "True", "true" -> Optional.of("true");
                    case "False", "false" -> Optional.of("false");
                    default -> Optional.empty();
                };
            }
            case "char", "Character" -> {
                return v.matches("['\"](\\\\.|[^'\"\\\\])['\"]") ? Optional.of("'" + v.substring(1, v.length() - 1)
                        + "'") : Optional.empty();
            }
            case "String", "CharSequence", "Object" -> {
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    return Optional.of(v);
                }
                if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
                    return Optional.of(doubleQuoted(v.substring(1, v.length() - 1)));
                }
                return t.equals("Object") && v.matches("-?\\d+") ? Optional.of(v) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The items of a bracketed literal, each written for {@code element}, joined by commas. */
    private static Optional<String> items(String bracketed, String element) {
        List<String> items = new ArrayList<>();
        for (String item : splitTop(bracketed.substring(1, bracketed.length() - 1))) {
            Optional<String> x = literal(item, element);
            if (x.isEmpty()) {
                return Optional.empty();
            }
            items.add(x.get());
        }
        return Optional.of(String.join(", ", items));
    }

    /** The body of a single-quoted Python string as a Java (or C) string literal. */
    static String doubleQuoted(String inner) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < inner.length(); i++) {
            char ch = inner.charAt(i);
            if (ch == '\\' && i + 1 < inner.length()) {
                char next = inner.charAt(++i);
                out.append(next == '\'' ? "'" : "\\" + next);
            } else if (ch == '"') {
                out.append("\\\"");
            } else {
                out.append(ch);
            }
        }
        return out.append('"').toString();
    }

    /** Splits at top-level commas: not inside brackets, braces, parentheses or quotes. */
    static List<String> splitTop(String s) {
        List<String> out = new ArrayList<>();
        if (s.isBlank()) {
            return out;
        }
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quote != 0) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if ("([{<".indexOf(ch) >= 0) {
                depth++;
            } else if (")]}>".indexOf(ch) >= 0) {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(s.substring(start).strip());
        return out;
    }

    /**
     * Where the answer's method differs from the signature the problem states ({@code static boolean isPrime(int n)}
     * in the stem) in its parameter or return types, or in leaving out a static the stem states: "isPrime(long) for
     * isPrime(int)", "isPrime(int) is not static", else empty.
     */
    static Optional<String> signatureDiffers(String stem, String source, String name) {
        return signatureDiffers(stem, source, source, name);
    }

    /** As above, whether the method is static read in the student's own code, not the driver made of it. */
    static Optional<String> signatureDiffers(String stem, String source, String own, String name) {
        if (stem == null) {
            return Optional.empty();
        }
        Pattern head = Pattern
                .compile("([\\w<>\\[\\]]+(?:\\s*\\[\\s*])*)\\s+" + Pattern.quote(name) + "\\s*\\(([^)]*)\\)");
        Matcher stated = head.matcher(stem);
        Matcher written = METHOD_HEAD.matcher(source);
        String[] mine = null;
        while (written.find()) {
            if (written.group(3).equals(name)) {
                String[] parts = written.group(2).strip().split("\\s+");
                mine = new String[] { parts[parts.length - 1], types(written.group(4)) };
                break;
            }
        }
        if (mine == null || !stated.find() || stated.group(1).matches("static|public|def|return|new")) {
            return Optional.empty();
        }
        String ret = stated.group(1).replaceAll("\\s+", "");
        String params = types(stated.group(2));
        // "public static int countVowels(String s)" stated, "public int countVowels(String s)" written.
        boolean staticStated = stem.substring(0, stated.start(1)).matches("(?s).*\\bstatic\\s+$");
        boolean staticWritten = isStatic(own, name);
        if (ret.equals(mine[0].replaceAll("\\s+", "")) && params.equals(mine[1])) {
            return staticStated && !staticWritten ? Optional.of(name + "(" + mine[1] + ") is not static")
                    : Optional.empty();
        }
        return Optional.of(mine[0] + " " + name + "(" + mine[1] + ") for " + ret + " " + name + "(" + params + ")");
    }

    /** Whether the code declares the method {@code name} static. */
    private static boolean isStatic(String code, String name) {
        Matcher head = METHOD_HEAD.matcher(code);
        while (head.find()) {
            // The modifiers may fall in either group: the type's group also takes the indentation and words before it.
            if (head.group(3).equals(name) && (head.group(1) + " " + head.group(2)).matches("(?s).*\\bstatic\\b.*")) {
                return true;
            }
        }
        return false;
    }

    private static String types(String params) {
        List<String> out = new ArrayList<>();
        for (String p : splitTop(params)) {
            String t = p.replaceAll("\\bfinal\\s+", "").strip();
            int space = t.lastIndexOf(' ');
            out.add((space < 0 ? t : t.substring(0, space)).replaceAll("\\s+", ""));
        }
        return String.join(",", out);
    }

    /** A test of statements and the variable compared after them: {@code int[] a = {1, 2}; reverse(a); a}. */
    static final Pattern STATE = Pattern.compile("(?s)^\\s*([^;]+;.*;)\\s*([A-Za-z_]\\w*)\\s*$");

    /** The names the tests' calls use. */
    private static List<String> used(List<TestCase> tests) {
        List<String> names = new ArrayList<>();
        for (TestCase t : tests) {
            Matcher call = CALL.matcher(t.input());
            if (call.matches() && !names.contains(call.group(1))) {
                names.add(call.group(1));
            }
        }
        return names;
    }

    /**
     * A state test's statements in Java, the calls of the tests' methods made on the answer's class (under the
     * student's name where it differs); empty when a called method is not found.
     */
    private static Optional<String> statements(String source, String text, Map<String, String> aliases,
            List<String> names) {
        String out = text;
        for (String name : names) {
            String used = aliases.getOrDefault(name, name);
            Optional<String> target = target(source, used);
            if (target.isEmpty()) {
                return Optional.empty();
            }
            out = out.replaceAll("(?<![\\w.])" + Pattern.quote(name) + "\\s*\\(",
                    Matcher.quoteReplacement(target.get() + "." + used + "("));
        }
        return Optional.of(out);
    }

    /** {@code Cls} for a static method the answer declares, {@code new Cls()} for another. */
    private static Optional<String> target(String source, String name) {
        Matcher m = Pattern.compile("((?:(?:public|private|protected|static|final|synchronized)\\s+)*)"
                + "([\\w<>\\[\\],.? ]+?)\\s+" + Pattern.quote(name) + "\\s*\\(([^)]*)\\)\\s*"
                + "(?:throws\\s+[\\w.,\\s]+)?\\{").matcher(source);
        if (!m.find()) {
            return Optional.empty();
        }
        String cls = null;
        Matcher c = CLASS.matcher(source.substring(0, m.start()));
        while (c.find()) {
            cls = c.group(1);
        }
        return cls == null ? Optional.empty() : Optional.of(m.group(1).contains("static") ? cls : "new " + cls + "()");
    }
}
