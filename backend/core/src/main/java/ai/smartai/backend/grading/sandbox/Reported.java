package ai.smartai.backend.grading.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the sandbox said one test did: for a Python call the result's repr and str and what it printed; for a
 * compiled program its stdout and exit status; or an error. Untrusted: the student's process may have written it.
 * A field the sandbox found too long to compare is null.
 */
record Reported(String repr, String str, String printed, String stdout, Integer exit, String stderr, String error) {

    static Reported from(JsonNode n) {
        return new Reported(text(n, "repr"), text(n, "str"), text(n, "printed"), text(n, "stdout"),
                n.path("exit").isInt() ? n.path("exit").asInt() : null, text(n, "stderr"), text(n, "error"));
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isTextual() ? n.path(field).asText() : null;
    }

    /** What the evidence shows as the result. */
    String shown() {
        if (error != null) {
            return cut(error);
        }
        if (stdout != null || exit != null) {
            if (exit != null && exit != 0) {
                return cut("exit status " + exit + (stderr == null || stderr.isBlank() ? "" : " " + stderr));
            }
            return stdout == null ? "(more output than can be compared)" : cut(PyLiteral.strip(stdout));
        }
        return repr == null ? "(a result too long to compare)" : cut(repr);
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
