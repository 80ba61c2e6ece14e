package ai.smartai.backend.grading.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.smartai.model.problem.TestCase;

/**
 * Function tests for a C answer: the key states calls ({@code add(2, 3)} / {@code 5}) and the student writes the
 * function. A generated {@code main} includes the student's file (its own {@code main} renamed away), calls the
 * function test by test (the test's index on stdin) with the key's literal arguments written for the parameter types,
 * and prints the result as Python would show it, so the server compares it as it compares a Python call's value
 * ({@link Verdict#value}). What the function prints itself goes to /dev/null. An array parameter followed by an
 * integer one takes the array's length there when the key's call leaves it out ({@code sum([1, 2, 3])} for
 * {@code int sum(int a[], int n)}).
 */
final class CCalls {

    /** The driver, compiled as the program, and the student's file it includes. */
    record Driver(String driverSource, String studentSource) {
        static final String FILE = "main.c";
        static final String STUDENT_FILE = "student.c";
    }

    /** How a C type is written from the key and shown back. */
    enum Kind {
        INT,
        UNSIGNED,
        FLOAT,
        BOOL,
        CHAR,
        STRING,
        INT_ARRAY,
        FLOAT_ARRAY,
        UNSUPPORTED;

        boolean array() {
            return this == INT_ARRAY || this == FLOAT_ARRAY;
        }
    }

    private static final Pattern QUALIFIERS = Pattern
            .compile("\\b(const|static|inline|extern|register|restrict|volatile|signed)\\b");
    private static final Pattern PARAM = Pattern
            .compile("^(.*?)\\b([A-Za-z_]\\w*)\\s*((?:\\[\\s*\\w*\\s*\\]\\s*)*)$", Pattern.DOTALL);
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final String HELPERS = """
            extern int dup(int);
            extern int dup2(int, int);

            static void smartai_quote(const char *s) {
                if (!s) { puts("None"); return; }
                putchar('"');
                for (; *s; s++) {
                    if (*s == '"' || *s == '\\\\') { putchar('\\\\'); putchar(*s); }
                    else if (*s == '\\n') fputs("\\\\n", stdout);
                    else if (*s == '\\t') fputs("\\\\t", stdout);
                    else putchar(*s);
                }
                puts("\\"");
            }

            static void smartai_float(double v) {
                char b[64];
                snprintf(b, sizeof b, "%.17g", v);
                puts(b);
            }

            static void smartai_char(char c) {
                char s[2] = {c, 0};
                smartai_quote(s);
            }
            """;

    private CCalls() {
    }

    /**
     * The driver for these tests, or empty when a call names no function the answer defines, or a value or the
     * result cannot be written for its type (the grade then goes to the teacher).
     */
    static Optional<Driver> driver(String source, List<TestCase> tests) {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < tests.size(); i++) {
            Matcher call = JavaCalls.CALL.matcher(tests.get(i).input());
            if (!call.matches()) {
                return Optional.empty();
            }
            Optional<String> statement = statement(source, call.group(1), call.group(2));
            if (statement.isEmpty()) {
                return Optional.empty();
            }
            cases.append("    case ").append(i).append(": {\n").append(statement.get())
                    .append("        break;\n    }\n");
        }
        String driver = "#define main smartai_student_main\n#include \"" + Driver.STUDENT_FILE + "\"\n#undef main\n"
                + "#include <stdio.h>\n\n" + HELPERS + "\n"
                + "int main(void) {\n"
                + "    int test = -1;\n"
                + "    if (scanf(\"%d\", &test) != 1) return 2;\n"
                + "    fflush(stdout);\n"
                + "    int out = dup(1);\n"
                + "    if (out < 0 || !freopen(\"/dev/null\", \"w\", stdout)) return 3;\n"
                + "    switch (test) {\n" + cases
                + "    default:\n        return 2;\n"
                + "    }\n"
                + "    return 0;\n"
                + "}\n";
        return Optional.of(new Driver(driver, source));
    }

    /** The call of one test, its result kept, the real stdout back, and the result printed. */
    private static Optional<String> statement(String source, String name, String argsText) {
        // A definition starts its line: "int add(int a, int b) {", "static const char *name(void)\n{".
        Pattern decl = Pattern.compile("(?m)^[ \\t]*((?:[A-Za-z_]\\w*[ \\t*]+)+?)" + Pattern.quote(name)
                + "\\s*\\(([^)]*)\\)\\s*\\{");
        Matcher m = decl.matcher(source);
        if (!m.find()) {
            return Optional.empty();
        }
        String returnType = m.group(1);
        if (returnType.strip().matches("(return|else|do)")) {
            return Optional.empty();
        }
        Kind result = kind(returnType);
        if (result == Kind.UNSUPPORTED || result.array()) {
            return Optional.empty();
        }
        List<String> params = JavaCalls.splitTop(m.group(2));
        if (params.size() == 1 && params.get(0).strip().equals("void")) {
            params = List.of();
        }
        List<String> args = JavaCalls.splitTop(argsText);
        List<String> written = new ArrayList<>();
        int next = 0;
        int lastLength = -1;
        for (int i = 0; i < params.size(); i++) {
            Matcher p = PARAM.matcher(params.get(i).strip());
            if (!p.matches()) {
                return Optional.empty();
            }
            Kind kind = kind(p.group(1) + (p.group(3).isEmpty() ? "" : "*"));
            String element = plain(p.group(1)).replace("*", "").strip();
            boolean argsShort = args.size() - next < params.size() - i;
            if (kind == Kind.INT && lastLength >= 0 && argsShort) {
                // int sum(int a[], int n) called as sum([1, 2, 3]): n is the array's length
                written.add(Integer.toString(lastLength));
                lastLength = -1;
                continue;
            }
            if (next >= args.size()) {
                return Optional.empty();
            }
            String value = args.get(next++).strip();
            Optional<String> arg = literal(value, kind, element);
            if (arg.isEmpty()) {
                return Optional.empty();
            }
            written.add(arg.get());
            lastLength = kind.array() ? JavaCalls.splitTop(value.substring(1, value.length() - 1)).size() : -1;
        }
        if (next != args.size()) {
            return Optional.empty();
        }
        String type = plain(returnType);
        String show = switch (result) {
            case INT -> "printf(\"%lld\\n\", (long long) r);";
            case UNSIGNED -> "printf(\"%llu\\n\", (unsigned long long) r);";
            case FLOAT -> "smartai_float((double) r);";
            case BOOL -> "puts(r ? \"True\" : \"False\");";
            case CHAR -> "smartai_char(r);";
            default -> "smartai_quote(r);";
        };
        return Optional.of("        " + type + " r = " + name + "(" + String.join(", ", written) + ");\n"
                + "        fflush(stdout);\n"
                + "        dup2(out, 1);\n"
                + "        " + show + "\n");
    }

    /** A declared type without qualifiers, in single spaces: {@code const char *} is {@code char*}. */
    private static String plain(String declared) {
        return QUALIFIERS.matcher(declared).replaceAll(" ").replaceAll("\\s*\\*\\s*", "*").replaceAll("\\s+", " ")
                .strip();
    }

    /** The kind of a declared type; a trailing {@code *} (or a parameter's {@code []}) makes it a pointer. */
    static Kind kind(String declared) {
        String t = plain(declared);
        boolean pointer = t.endsWith("*");
        String base = pointer ? t.substring(0, t.length() - 1).strip() : t;
        if (base.endsWith("*")) {
            return Kind.UNSUPPORTED;
        }
        boolean unsigned = base.startsWith("unsigned") || base.equals("size_t") || base.matches("uint\\d+_t");
        boolean integer = unsigned || base.matches("(int|short|long|long int|long long|long long int|short int|"
                + "int\\d+_t|ptrdiff_t)");
        boolean floating = base.matches("(float|double|long double)");
        if (base.equals("char")) {
            return pointer ? Kind.STRING : Kind.CHAR;
        }
        if (pointer) {
            return integer && !base.contains("char") ? Kind.INT_ARRAY : floating ? Kind.FLOAT_ARRAY
                    : Kind.UNSUPPORTED;
        }
        if (base.equals("bool") || base.equals("_Bool")) {
            return Kind.BOOL;
        }
        return floating ? Kind.FLOAT : base.contains("char") ? Kind.UNSUPPORTED : unsigned ? Kind.UNSIGNED
                : integer ? Kind.INT : Kind.UNSUPPORTED;
    }

    /**
     * A Python-style literal from the key written as C for a parameter of {@code kind}; an array's items are of type
     * {@code element} ({@code int}, {@code double}, …).
     */
    static Optional<String> literal(String value, Kind kind, String element) {
        String v = value.strip();
        switch (kind) {
            case INT, UNSIGNED -> {
                return INTEGER.matcher(v).matches() ? Optional.of(v) : Optional.empty();
            }
            case FLOAT -> {
                return NUMBER.matcher(v).matches() ? Optional.of(v) : Optional.empty();
            }
            case BOOL -> {
                return switch (v) {
                    case "True", "true", "1" -> Optional.of("1");
                    case "False", "false", "0" -> Optional.of("0");
                    default -> Optional.empty();
                };
            }
            case CHAR -> {
                return v.matches("['\"](\\\\.|[^'\"\\\\])['\"]") ? Optional.of("'" + v.substring(1, v.length() - 1)
                        + "'") : Optional.empty();
            }
            case STRING -> {
                if (v.length() < 2 || !(v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith(
                        "'"))) {
                    return Optional.empty();
                }
                // A writable copy: the function may change the string in place.
                return Optional.of("(char[]){" + JavaCalls.doubleQuoted(v.substring(1, v.length() - 1)) + "}");
            }
            case INT_ARRAY, FLOAT_ARRAY -> {
                if (!v.startsWith("[") || !v.endsWith("]")) {
                    return Optional.empty();
                }
                List<String> items = new ArrayList<>();
                for (String item : JavaCalls.splitTop(v.substring(1, v.length() - 1))) {
                    Optional<String> x = literal(item, kind == Kind.INT_ARRAY ? Kind.INT : Kind.FLOAT, element);
                    if (x.isEmpty()) {
                        return Optional.empty();
                    }
                    items.add(x.get());
                }
                return Optional.of(items.isEmpty() ? "(" + element + "[1]){0}" : "(" + element + "[]){"
                        + String.join(", ", items) + "}");
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
