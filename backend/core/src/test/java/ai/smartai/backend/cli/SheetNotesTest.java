package ai.smartai.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.student.SheetFlag;
import ai.smartai.backend.student.SheetFlag.Kind;
import ai.smartai.model.student.IdentifiedBy;
import ai.smartai.model.student.StudentView;

class SheetNotesTest {

    @Test
    void theConflictsOfGradesJsonAreTheFlagsThatDoubtWhoseSheetItIsInTheirEnglish() {
        List<SheetFlag> flags = List.of(SheetFlag.identityConflict("2023001", "2023002"),
                SheetFlag.of(Kind.UNSEGMENTED), SheetFlag.duplicateId("2023002", "b.txt", true),
                SheetFlag.of(Kind.ENCODING_GUESSED), SheetFlag.of(Kind.UNIDENTIFIED));
        List<String> texts = flags.stream().map(SheetFlag::text).toList();
        StudentView view = new StudentView("2023002", null, "2023001.txt", IdentifiedBy.CONTENT, texts, List.of(), "",
                List.of(), flags.stream().map(SheetFlag::message).toList());

        GradeCommand.SheetNotes notes = GradeCommand.SheetNotes.of(view);

        assertThat(notes.conflicts()).containsExactly(
                "identity-conflict: file name says 2023001, the answer sheet says 2023002",
                "duplicate-id: 2023002 is also in b.txt (the same text)", "unidentified");
        assertThat(notes.flags()).isEqualTo(texts);
    }
}
