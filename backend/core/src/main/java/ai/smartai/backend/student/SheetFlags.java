package ai.smartai.backend.student;

/** The flags a sheet or an answer carries for the teacher: what reading it found worth a look. */
public final class SheetFlags {

    /** An answer flag: nothing was written for the problem. */
    public static final String UNANSWERED = "unanswered";
    /** A sheet flag: the file name and the sheet's header name different students. */
    public static final String IDENTITY_CONFLICT = "identity-conflict";
    public static final String UNIDENTIFIED = "unidentified";
    public static final String UNMATCHED_TEXT = "unmatched-text";
    public static final String UNSEGMENTED = "unsegmented";
    /** An answer flag: the sheet's segmentation found no answer to this problem, though the sheet has unmatched text. */
    public static final String NOT_FOUND = "not-found";

    private SheetFlags() {
    }
}
