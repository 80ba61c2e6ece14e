package ai.smartai.backend.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import com.lowagie.text.pdf.BaseFont;
import org.jboss.logging.Logger;

/**
 * The one font of every report, embedded as a subset. A CJK font covers Latin, digits and the common maths symbols as
 * well, so one face serves a whole report. PDFBox cannot embed OpenType fonts with CFF outlines (Noto CJK is one),
 * OpenPDF can, so the reports are written with OpenPDF.
 */
@ApplicationScoped
public class ReportFonts {

    private static final Logger LOG = Logger.getLogger(ReportFonts.class);

    @Inject
    ReportConfig config;

    /** The font as configured or found ({@code file} or {@code file#index}), once loaded. */
    private volatile String found;

    /** Loaded fonts not in use: a document uses one at a time, since OpenPDF's fonts are not made for threads. */
    private final ConcurrentLinkedQueue<BaseFont> spare = new ConcurrentLinkedQueue<>();

    private record Loaded(String spec, BaseFont font) {
    }

    /** Finds and loads the CJK font once; 503 naming what was tried when there is none. */
    public void require() {
        if (found == null) {
            synchronized (this) {
                if (found == null) {
                    Loaded first = load();
                    spare.offer(first.font());
                    found = first.spec();
                }
            }
        }
    }

    /** Runs {@code use} with a font instance that no other document uses meanwhile. */
    <T> T with(Function<BaseFont, T> use) {
        require();
        BaseFont f = spare.poll();
        if (f == null) {
            try {
                f = open(found);
            } catch (Exception e) {
                throw new IllegalStateException("The report font " + found + " loaded before and fails now.", e);
            }
        }
        try {
            return use.apply(f);
        } finally {
            spare.offer(f);
        }
    }

    private Loaded load() {
        if (config.cjkFont().isPresent()) {
            String spec = config.cjkFont().get();
            try {
                return new Loaded(spec, open(spec));
            } catch (Exception e) {
                throw new ApiException(503, "report_font_missing", Message.of(MessageCode.ERR_REPORT_FONT, spec,
                        e.getMessage()));
            }
        }
        List<String> tried = new ArrayList<>();
        for (String spec : config.cjkFontCandidates()) {
            if (!Files.isReadable(Path.of(file(spec)))) {
                tried.add(file(spec));
                continue;
            }
            try {
                return new Loaded(spec, open(spec));
            } catch (Exception e) {
                LOG.warnf("Report font %s could not be loaded: %s", spec, e.getMessage());
                tried.add(spec + " (" + e.getMessage() + ")");
            }
        }
        throw new ApiException(503, "report_font_missing", Message.of(MessageCode.ERR_NO_CJK_FONT,
                String.join(", ", tried)));
    }

    private static BaseFont open(String spec) throws Exception {
        int hash = spec.lastIndexOf('#');
        // OpenPDF names a collection's face "file.ttc,index"; not from its cache, which shares one instance.
        String name = hash < 0 ? spec : spec.substring(0, hash) + "," + spec.substring(hash + 1);
        return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
    }

    private static String file(String spec) {
        int hash = spec.lastIndexOf('#');
        return hash < 0 ? spec : spec.substring(0, hash);
    }
}
