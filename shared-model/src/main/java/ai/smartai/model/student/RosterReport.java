package ai.smartai.model.student;

import java.util.List;

/**
 * A task's roster against its submissions: who on the roster was matched to a submission (by id exactly, or by a
 * name that differs at most in spacing, order or one letter), who on the roster has no submission ({@code missing}),
 * and the submissions that match no one on the roster ({@code unmatched}: a stray or misnamed file).
 */
public record RosterReport(
        int entries,
        List<Match> matched,
        List<Person> missing,
        List<Stray> unmatched) {

    /** A roster line; any part may be empty. */
    public record Person(String id, String name, String email, String lmsId) {
    }

    /** {@code by} is "id" or "name". */
    public record Match(String studentId, Person roster, String by) {
    }

    public record Stray(String studentId, String name, String sourceFile) {
    }
}
