package ai.smartai.backend.grading.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The program in an answer: its fenced blocks (or the whole answer when it is bare code) and its language. */
public record Code(String language, String source) {

    /** A fenced block; its tag is on the fence's own line (an untagged fence's first code line is no tag). */
    private static final Pattern FENCE = Pattern.compile("```[ \\t]*([A-Za-z+#]*)[^\\n]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DEF = Pattern.compile("^\\s*def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^)]*)\\)",
            Pattern.MULTILINE);

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern PROSE = Pattern.compile("[\\p{IsHan}，。：；（）、！？【】“”]");

    public static Code extract(String answer) {
        Matcher m = FENCE.matcher(answer);
        List<String> blocks = new ArrayList<>();
        String tag = "";
        while (m.find()) {
            blocks.add(m.group(2));
            if (tag.isEmpty()) {
                tag = m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        String source = blocks.isEmpty() ? answer : String.join("\n\n", blocks);
        if (blocks.isEmpty() && !looksLikeCode(answer)) {
            return new Code("none", "");
        }
        return new Code(language(tag, source), source);
    }

    static boolean looksLikeCode(String s) {
        return s.matches(
                "(?s).*(\\bdef\\s+\\w+\\s*\\(|\\breturn\\b|#include|public\\s+(static\\s+)?\\w+|\\bimport\\s+\\w+).*");
    }

    static String language(String tag, String source) {
        switch (tag) {
            case "python", "py", "python3" :
                return "python";
            case "java" :
                return "java";
            case "c" :
                return "c";
            case "cpp", "c++", "cc" :
                return "cpp";
            default :
                break;
        }
        if (source.contains("#include")) {
            return source.contains("iostream") || source.contains("std::") ? "cpp" : "c";
        }
        if (source.matches("(?s).*\\b(public|private)\\s+(static\\s+)?[\\w<>\\[\\]]+\\s+\\w+\\s*\\(.*")
                || source.contains("System.out")
                || JAVA_METHOD.matcher(source).find() && !PYTHON_DEF.matcher(source).find()) {
            return "java";
        }
        return "python";
    }

    /** A Java method's head at a line's start, {@code static int[] f(int n) {}, without a modifier too. */
    private static final Pattern JAVA_METHOD = Pattern.compile("(?m)^\\s*(?:(?:public|private|protected|static|final)"
            + "\\s+)*(?:void|int|long|double|float|boolean|char|byte|short|String|[A-Z]\\w*(?:<[^>]*>)?)"
            + "(?:\\s*\\[\\s*])*\\s+\\w+\\s*\\([^)]*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");
    private static final Pattern PYTHON_DEF = Pattern.compile("(?m)^\\s*def\\s+\\w+\\s*\\(");
    private static final Pattern COMMENTS = Pattern
            .compile("(?s)/\\*.*?\\*/|//[^\\n]*|#[^\\n]*|\"\"\".*?\"\"\"|'''.*?'''");
    /** Where code starts in an unfenced answer: prose above it (a sentence about the approach) is not compiled. */
    private static final Pattern CODE_START = Pattern
            .compile("^\\s*(?:def\\s|class\\s|import\\s|from\\s\\S+\\s+import\\s|"
                    + "@|#|//|/\\*|(?:public|private|protected|static|final)\\s|"
                    + "(?:void|int|long|double|float|boolean|char|String)\\b.*\\(|[A-Za-z_]\\w*\\s*=)");

    /**
     * The program in an answer to function tests that call {@code names}: the code as written when it defines one of
     * them outside comments and strings, else the code inside its comments and strings (Java kept in a Python
     * string, Python in a Java block comment, a method commented out in a file of the other language). Code that
     * defines none of them is graded as written.
     */
    public static Code forCalls(String answer, Collection<String> names) {
        Code written = extract(answer);
        if (written.language().equals("none") || names.isEmpty()) {
            return written;
        }
        Code trimmed = written.trimmed(answer);
        if (defines(COMMENTS.matcher(trimmed.source()).replaceAll(""), names)) {
            return trimmed;
        }
        String inner = uncommented(written.source());
        if (!inner.equals(written.source()) && defines(inner, names)) {
            return new Code(language("", inner), inner).trimmed("");
        }
        return trimmed;
    }

    /** The source without its comments and triple-quoted strings. */
    public static String withoutComments(String source) {
        return COMMENTS.matcher(source).replaceAll("");
    }

    /**
     * Whether code uses a term a key forbids or charges: {@code Collections.reverse} as written, or its class and a
     * call of its method apart; a term written as a call ({@code sorted()}) only where it is called, so "two sorted
     * lists" in a comment or the answer's prose does not use it.
     */
    public static boolean uses(String code, String term) {
        boolean call = term.endsWith("()");
        String t = call ? term.substring(0, term.length() - 2) : term;
        if (!t.matches("[\\w.]+")) {
            return code.contains(t);
        }
        if (Pattern.compile("(?<![\\w])" + Pattern.quote(t) + (call ? "\\s*\\(" : "\\b")).matcher(code).find()) {
            return true;
        }
        int dot = t.lastIndexOf('.');
        return dot > 0 && Pattern.compile("\\b" + Pattern.quote(t.substring(0, dot)) + "\\b").matcher(code).find()
                && Pattern.compile("\\." + Pattern.quote(t.substring(dot + 1)) + "\\s*\\(").matcher(code).find();
    }

    /** Whether the text declares a function or method of one of the names. */
    static boolean defines(String text, Collection<String> names) {
        return names.stream().anyMatch(n -> Pattern.compile("(?m)(^\\s*def\\s+" + Pattern.quote(n) + "\\s*\\()|"
                + "([\\w>\\]]\\s+" + Pattern.quote(n) + "\\s*\\([^)]*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{)")
                .matcher(text).find());
    }

    /** The text inside comments and string markers: the markers go, the lines keep their indentation. */
    static String uncommented(String source) {
        List<String> out = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            String l = line.replaceAll("^\\s*\\w+\\s*=\\s*(\"\"\"|''')\\s*$", "")
                    .replaceAll("^\\s*(\"\"\"|''')\\s*$", "");
            l = l.replaceAll("^(\\s*)/\\*+\\s?", "$1").replaceAll("\\s*\\*+/\\s*$", "");
            l = l.replaceAll("^(\\s*)(?:#|//|\\*(?!\\*))\\s?", "$1");
            out.add(l);
        }
        return String.join("\n", out);
    }

    /** Unfenced code without the prose lines above it (and, for Java, below its last brace). */
    Code trimmed(String answer) {
        if (answer.contains("```")) {
            return this;
        }
        String[] lines = source.split("\n", -1);
        int start = 0;
        while (start < lines.length && !CODE_START.matcher(lines[start]).find()) {
            start++;
        }
        int end = lines.length;
        if (language.equals("java")) {
            while (end > start && !lines[end - 1].contains("}")) {
                end--;
            }
        }
        if (start >= end) {
            return this;
        }
        return new Code(language, String.join("\n", Arrays.asList(lines).subList(start, end)));
    }

    /**
     * The code without lines of prose around it: a line that is not indented and has Chinese text or full-width
     * punctuation outside its strings and comments (a heading such as "四、简答与证明" left by segmentation).
     */
    public Code withoutProse() {
        List<String> kept = new ArrayList<>();
        for (String line : source.split("\n", -1)) {
            if (!isProse(line)) {
                kept.add(line);
            }
        }
        return new Code(language, String.join("\n", kept));
    }

    /** The lines {@link #withoutProse()} removed, for the evidence. */
    public String removedBy(Code bare) {
        List<String> removed = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (isProse(lines[i])) {
                removed.add("line " + (i + 1) + " \"" + lines[i].strip() + "\"");
            }
        }
        return String.join(", ", removed);
    }

    private boolean isProse(String line) {
        if (line.isBlank() || Character.isWhitespace(line.charAt(0))) {
            return false;
        }
        String code = STRING.matcher(line).replaceAll("\"\"");
        int comment = code.indexOf(language.equals("python") ? "#" : "//");
        if (comment >= 0) {
            code = code.substring(0, comment);
        }
        return PROSE.matcher(code).find();
    }

    /** Names and parameter lists of the top-level Python functions. */
    public static List<String[]> pythonFunctions(String source) {
        List<String[]> out = new ArrayList<>();
        Matcher m = DEF.matcher(source);
        while (m.find()) {
            if (m.start() == 0 || source.charAt(m.start()) != ' ') {
                out.add(new String[] { m.group(1), m.group(2).strip() });
            }
        }
        return out;
    }
}
