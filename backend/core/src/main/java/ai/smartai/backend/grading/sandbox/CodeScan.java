package ai.smartai.backend.grading.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ai.smartai.model.common.MessageCode;

/**
 * Operations a homework program does not need: reading the environment, the network, writing or deleting files,
 * redirecting standard input or output to a file (the tests feed and read the standard streams),
 * starting processes, eval and reflection. The sandbox contains whatever the code does; this scan makes it visible,
 * line by line, so a program that passes its tests while doing such things is not accepted unseen (issue #14).
 */
public final class CodeScan {

    /** One operation found: its kind, the 1-based line and the line's text. */
    public record Finding(String kind, int line, String text) {

        public String shown() {
            return "line " + line + ": " + kind + ": " + text;
        }
    }

    /** A kind's name in the catalogue, for texts in the reader's language. */
    static MessageCode word(String kind) {
        return switch (kind) {
            case ENVIRONMENT -> MessageCode.SCAN_ENVIRONMENT;
            case NETWORK -> MessageCode.SCAN_NETWORK;
            case FILES -> MessageCode.SCAN_FILES;
            case REDIRECT -> MessageCode.SCAN_REDIRECT;
            case PROCESS -> MessageCode.SCAN_PROCESS;
            default -> MessageCode.SCAN_EVAL;
        };
    }

    static final String ENVIRONMENT = "reads the environment";
    static final String NETWORK = "uses the network";
    static final String FILES = "writes or deletes files";
    static final String REDIRECT = "redirects standard input or output to a file";
    static final String PROCESS = "starts a process";
    static final String EVAL = "eval or reflection";

    private static final Map<String, List<Pattern>> PYTHON = Map.of(
            ENVIRONMENT, patterns("\\bos\\.environ\\b", "\\bos\\.getenv\\s*\\(", "\\bgetpass\\.getuser\\s*\\("),
            NETWORK, patterns("^\\s*(?:import|from)\\s+(?:socket|urllib|http|requests|ftplib|smtplib|telnetlib)\\b",
                    "\\bsocket\\.socket\\s*\\(", "\\burlopen\\s*\\(", "\\brequests\\.(?:get|post|put|delete)\\s*\\("),
            FILES, patterns("\\bopen\\s*\\([^)]*,\\s*(?:mode\\s*=\\s*)?['\"][^'\"]*[wax+]",
                    "\\bos\\.(?:remove|unlink|rmdir|removedirs|rename|replace)\\s*\\(",
                    "\\bshutil\\.(?:rmtree|move|copy\\w*)\\s*\\(",
                    "\\.(?:unlink|rmdir|write_text|write_bytes)\\s*\\("),
            REDIRECT, patterns("\\bsys\\.std(?:in|out)\\s*=\\s*open\\s*\\("),
            PROCESS,
            patterns("^\\s*(?:import|from)\\s+subprocess\\b", "\\bsubprocess\\.",
                    "\\bos\\.(?:system|popen|fork|kill|exec\\w*|spawn\\w*)\\s*\\("),
            EVAL, patterns("(?<![\\w.])(?:eval|exec|compile|__import__)\\s*\\(", "(?<![\\w.])(?:eval|exec)\\s*[,)]",
                    "^\\s*(?:import|from)\\s+(?:importlib|ctypes|inspect)\\b"));

    private static final Map<String, List<Pattern>> C = Map.of(
            ENVIRONMENT, patterns("\\bgetenv\\s*\\(", "\\benviron\\b", "\\bstd::getenv\\s*\\("),
            NETWORK, patterns("#\\s*include\\s*<(?:sys/socket|netinet/in|arpa/inet|netdb)\\.h>", "\\bsocket\\s*\\(",
                    "\\bconnect\\s*\\("),
            FILES,
            patterns("\\bfopen\\s*\\([^)]*,\\s*\"[^\"]*[wa+]",
                    "(?<![\\w.:>])(?:remove|unlink|rmdir|rename)\\s*\\(\\s*\"",
                    "\\bofstream\\b", "\\bstd::filesystem::remove"),
            REDIRECT, patterns("\\bfreopen\\s*\\(\\s*\""),
            PROCESS, patterns("(?<![\\w.])(?:system|popen|fork|execl|execlp|execle|execv|execvp|execve|kill)\\s*\\("),
            EVAL, patterns("\\bdlopen\\s*\\(", "\\bdlsym\\s*\\("));

    private static final Map<String, List<Pattern>> JAVA = Map.of(
            ENVIRONMENT, patterns("\\bSystem\\.getenv\\s*\\(", "\\bSystem\\.getProperty\\s*\\(\\s*\"user\\."),
            NETWORK, patterns("\\bjava\\.net\\.", "\\bnew\\s+(?:Socket|ServerSocket|URL|DatagramSocket)\\s*\\(",
                    "\\bHttpClient\\b", "\\bopenConnection\\s*\\("),
            FILES,
            patterns("\\bnew\\s+(?:FileWriter|FileOutputStream|PrintWriter\\s*\\(\\s*new\\s+File|RandomAccessFile)\\b",
                    "\\bFiles\\.(?:write|writeString|delete|deleteIfExists|move|copy|createFile)\\s*\\(",
                    "\\.delete\\s*\\(\\s*\\)", "\\.deleteOnExit\\s*\\("),
            REDIRECT, patterns("\\bSystem\\.set(?:In|Out)\\s*\\("),
            PROCESS, patterns("\\bRuntime\\.getRuntime\\s*\\(\\s*\\)\\s*\\.\\s*exec\\s*\\(", "\\bProcessBuilder\\b"),
            EVAL, patterns("\\bClass\\.forName\\s*\\(", "\\.getDeclared(?:Method|Field|Constructor)s?\\s*\\(",
                    "\\.setAccessible\\s*\\(", "\\.invoke\\s*\\(", "\\bScriptEngine"));

    private CodeScan() {
    }

    /** Every line of the code that does one of the operations, in line order; comments are skipped. */
    public static List<Finding> scan(Code code) {
        Map<String, List<Pattern>> rules = switch (code.language()) {
            case "python" -> PYTHON;
            case "java" -> JAVA;
            case "c", "cpp" -> C;
            default -> Map.of();
        };
        List<Finding> out = new ArrayList<>();
        String[] lines = code.source().split("\n");
        boolean python = code.language().equals("python");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String bare = line.strip();
            if (bare.startsWith(python ? "#" : "//") || bare.startsWith("*") || bare.startsWith("/*")) {
                continue;
            }
            for (String kind : List.of(ENVIRONMENT, NETWORK, FILES, REDIRECT, PROCESS, EVAL)) {
                if (rules.getOrDefault(kind, List.of()).stream().anyMatch(p -> p.matcher(line).find())) {
                    out.add(new Finding(kind, i + 1, bare.length() > 120 ? bare.substring(0, 120) + "…" : bare));
                    break;
                }
            }
        }
        return out;
    }

    private static List<Pattern> patterns(String... regex) {
        return Arrays.stream(regex).map(r -> Pattern.compile(r, Pattern.MULTILINE)).toList();
    }
}
