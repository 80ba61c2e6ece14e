package ai.smartai.backend.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.student.SheetFlag.Kind;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

class SheetFlagTest {

    @Test
    void aFlagWithDetailsSaysThemInTheApisEnglishAndInTheReadersLanguage() {
        SheetFlag conflict = SheetFlag.identityConflict("2023001", "2023002");
        assertThat(conflict.kind()).isEqualTo(Kind.IDENTITY_CONFLICT);
        assertThat(conflict.text())
                .isEqualTo("identity-conflict: file name says 2023001, the answer sheet says 2023002");
        assertThat(conflict.message().render("zh")).isEqualTo("身份冲突：文件名为 2023001，答卷上写的是 2023002");
        assertThat(SheetFlag.duplicateId("2023001", "b/2023001.txt", true).message().render("zh"))
                .isEqualTo("学号重复：2023001 也出现在 b/2023001.txt 中（内容相同）");
        assertThat(SheetFlag.duplicateId("2023001", "b/2023001.txt", false).message().render("zh"))
                .isEqualTo("学号重复：2023001 也出现在 b/2023001.txt 中（另一份提交，未评分）");
        assertThat(SheetFlag.duplicateId("2023001", "b/2023001.txt", null).text())
                .isEqualTo("duplicate-id: 2023001 is also in b/2023001.txt");
        assertThat(SheetFlag.llmSegmented("DeepSeek").message().render("zh")).isEqualTo("由大模型分题：DeepSeek");
        SheetFlag unreadable = SheetFlag.unreadableFile(Message.of(MessageCode.DOC_PDF_UNREADABLE, "a.pdf",
                "Header doesn't contain versioninfo"));
        assertThat(unreadable.text()).isEqualTo("unreadable-file: a.pdf: not a readable PDF (Header doesn't contain "
                + "versioninfo).");
        assertThat(unreadable.message().render("zh"))
                .isEqualTo("文件无法读取：a.pdf：不是可读取的 PDF（Header doesn't contain versioninfo）。");
    }

    @Test
    void aFlagWithoutDetailsIsItsNameAsAPlainText() {
        assertThat(SheetFlag.of(Kind.UNIDENTIFIED).message()).isEqualTo(Message.text("unidentified"));
        assertThat(SheetFlag.of(Kind.ENCODING_GUESSED).text()).isEqualTo("encoding-guessed");
        assertThat(SheetFlag.of(Kind.NOT_FOUND).text()).isEqualTo("not-found");
    }

    @Test
    void isStoredAsItsKindAndItsMessageNotItsWords() {
        SheetFlag.Stored column = new SheetFlag.Stored();
        List<SheetFlag> flags = List.of(SheetFlag.duplicateId("2023001", "b, c.txt", true),
                SheetFlag.of(Kind.UNSEGMENTED), SheetFlag.unreadableFile(Message.of(MessageCode.DOC_PDF_PASSWORD,
                        "a.pdf")));
        String stored = column.convertToDatabaseColumn(flags);
        assertThat(stored).contains("\"kind\":\"duplicate-id\"", "\"code\":\"flag-duplicate-id-same\"",
                "{\"kind\":\"unsegmented\"}").doesNotContain("is also in", "password-protected");
        assertThat(column.convertToEntityAttribute(stored)).isEqualTo(flags);
    }

    @Test
    void theKindOfAFlagTheApiGaveIsReadFromItsCodeNotItsWords() {
        for (SheetFlag f : List.of(SheetFlag.identityConflict("1", "2"), SheetFlag.duplicateId("1", "a", false),
                SheetFlag.llmSegmented("x"), SheetFlag.of(Kind.UNIDENTIFIED), SheetFlag.of(Kind.UNANSWERED))) {
            assertThat(Kind.of(f.message())).isEqualTo(f.kind());
        }
        assertThat(Kind.of(Message.text("something a newer server says"))).isEqualTo(Kind.OTHER);
    }
}
