package ai.smartai.backend.ingest.parse;

import java.util.List;
import java.util.Map;

import ai.smartai.backend.student.SheetFlag;
import ai.smartai.model.student.IdentifiedBy;

/**
 * One student's answer sheet: who (and how we know), the answer to each problem by problem number, and any text that
 * matched no problem (kept, never dropped).
 */
public record ParsedSubmission(
        String sourceFile,
        String studentId,
        String name,
        IdentifiedBy identifiedBy,
        List<SheetFlag> flags,
        Map<String, Answer> answers,
        String unmatchedText) {

    public record Answer(String text, List<SheetFlag> flags) {
    }
}
