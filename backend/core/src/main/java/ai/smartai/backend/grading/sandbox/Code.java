package ai.smartai.backend.grading.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The program in an answer: its fenced blocks (or the whole answer when it is bare code) and its language. */
public record Code(String language, String source) {

    private static final Pattern FENCE = Pattern.compile("```\\s*([A-Za-z+#]*)[^\\n]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern DEF = Pattern.compile("^\\s*def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(([^)]*)\\)",
            Pattern.MULTILINE);

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
        return s.matches("(?s).*(\\bdef\\s+\\w+\\s*\\(|\\breturn\\b|#include|public\\s+(static\\s+)?\\w+|\\bimport\\s+\\w+).*");
    }

    static String language(String tag, String source) {
        switch (tag) {
            case "python", "py", "python3":
                return "python";
            case "java":
                return "java";
            case "c":
                return "c";
            case "cpp", "c++", "cc":
                return "cpp";
            default:
                break;
        }
        if (source.contains("#include")) {
            return source.contains("iostream") || source.contains("std::") ? "cpp" : "c";
        }
        if (source.matches("(?s).*\\b(public|private)\\s+(static\\s+)?[\\w<>\\[\\]]+\\s+\\w+\\s*\\(.*")
                || source.contains("System.out")) {
            return "java";
        }
        return "python";
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
