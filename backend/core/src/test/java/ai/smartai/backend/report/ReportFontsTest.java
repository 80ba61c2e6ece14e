package ai.smartai.backend.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.web.ApiException;

/** Without a CJK font the reports fail clearly, naming what was tried and how to fix it; never with tofu boxes. */
class ReportFontsTest {

    @Test
    void noFontFoundAnswers503NamingTheFilesTriedAndTheSetting() {
        ReportFonts fonts = fonts(Optional.empty(), List.of("/nowhere/NotoSansCJK-Regular.ttc#2", "/nowhere/wqy.ttc"));
        assertThatThrownBy(fonts::require).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("report_font_missing");
            assertThat(e.getMessage()).contains("/nowhere/NotoSansCJK-Regular.ttc", "/nowhere/wqy.ttc",
                    "SMARTAI_REPORT_CJK_FONT", "fonts-noto-cjk");
        });
    }

    @Test
    void aConfiguredFontThatDoesNotLoadIsNamed() {
        ReportFonts fonts = fonts(Optional.of("/nowhere/mine.ttf"), List.of());
        assertThatThrownBy(fonts::require).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getMessage()).contains("/nowhere/mine.ttf", "smartai.report.cjk-font"));
    }

    private static ReportFonts fonts(Optional<String> font, List<String> candidates) {
        ReportFonts fonts = new ReportFonts();
        fonts.config = new ReportConfig() {
            @Override
            public Optional<String> cjkFont() {
                return font;
            }

            @Override
            public List<String> cjkFontCandidates() {
                return candidates;
            }
        };
        return fonts;
    }
}
