package ai.smartai.backend.report;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** PDF reports; environment: {@code SMARTAI_REPORT_CJK_FONT}, {@code SMARTAI_REPORT_CJK_FONT_CANDIDATES}. */
@ConfigMapping(prefix = "smartai.report")
public interface ReportConfig {

    /**
     * The font for Chinese, Japanese and Korean text: a TrueType/OpenType file, or a collection with the face's index
     * after a {@code #} ({@code /path/NotoSansCJK-Regular.ttc#2}, the simplified Chinese face). When set, it must
     * load; when unset, the candidates are tried in order.
     */
    Optional<String> cjkFont();

    /** Where the usual packages (fonts-noto-cjk, fonts-wqy-zenhei, fonts-arphic) put a CJK font. */
    @WithDefault("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#2,"
            + "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#2,"
            + "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc#2,"
            + "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc#2,"
            + "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#0,"
            + "/usr/share/fonts/truetype/arphic/uming.ttc#0")
    List<String> cjkFontCandidates();
}
