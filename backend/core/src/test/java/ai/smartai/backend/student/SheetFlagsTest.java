package ai.smartai.backend.student;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

class SheetFlagsTest {

    @Test
    void aFlagWithDetailsReadsBackAsTheMessageItWasWrittenFrom() {
        String conflict = SheetFlags.identityConflict("2023001", "2023002");
        assertThat(conflict).isEqualTo("identity-conflict: file name says 2023001, the answer sheet says 2023002");
        assertThat(SheetFlags.message(conflict).render("zh")).isEqualTo("身份冲突：文件名为 2023001，答卷上写的是 2023002");
        assertThat(SheetFlags.message(SheetFlags.duplicateId("2023001", "b/2023001.txt", true)).render("zh"))
                .isEqualTo("学号重复：2023001 也出现在 b/2023001.txt 中（内容相同）");
        assertThat(SheetFlags.message(SheetFlags.duplicateId("2023001", "b/2023001.txt", false)).render("zh"))
                .isEqualTo("学号重复：2023001 也出现在 b/2023001.txt 中（另一份提交，未评分）");
        assertThat(SheetFlags.message(SheetFlags.duplicateId("2023001", "b/2023001.txt", null)).render("zh"))
                .isEqualTo("学号重复：2023001 也出现在 b/2023001.txt 中");
        assertThat(SheetFlags.message(SheetFlags.llmSegmented("DeepSeek")).render("zh")).isEqualTo("由大模型分题：DeepSeek");
        // Why a file could not be read is a message of its own, read back too, with the reader's own words kept.
        String unreadable = SheetFlags.unreadableFile(Message.of(MessageCode.DOC_PDF_UNREADABLE, "a.pdf",
                "Header doesn't contain versioninfo"));
        assertThat(unreadable).isEqualTo("unreadable-file: a.pdf: not a readable PDF (Header doesn't contain "
                + "versioninfo).");
        assertThat(SheetFlags.message(unreadable).render("zh"))
                .isEqualTo("文件无法读取：a.pdf：不是可读取的 PDF（Header doesn't contain versioninfo）。");
    }

    @Test
    void aFlagStoredBeforeCodesReadsTheSameWay() {
        // Written by an earlier build, word for word: its details come out in Chinese all the same.
        assertThat(SheetFlags.message("duplicate-id: 2023001 is also in 2023001_li.txt (the same text)"))
                .isEqualTo(Message.of(MessageCode.FLAG_DUPLICATE_ID_SAME, "2023001", "2023001_li.txt"));
    }

    @Test
    void aFlagWithoutDetailsOrCodeIsItsText() {
        assertThat(SheetFlags.message(SheetFlags.UNIDENTIFIED)).isEqualTo(Message.text("unidentified"));
        assertThat(SheetFlags.message("encoding-guessed")).isEqualTo(Message.text("encoding-guessed"));
        assertThat(SheetFlags.message("duplicate-id: something else")).isEqualTo(Message.text(
                "duplicate-id: something else"));
    }
}
