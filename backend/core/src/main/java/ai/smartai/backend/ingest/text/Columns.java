package ai.smartai.backend.ingest.text;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;

/**
 * A page set in two columns. Read by position, its two columns interleave line by line and answers mix; found by an
 * empty vertical strip (the gutter) with lines of their own on both sides, the page is read as what stands above the
 * columns, then the left column, then the right one.
 */
final class Columns {

    /** Lines on each side of the gutter: at least this many, and a third of the page's lines. */
    private static final int MIN_SPLIT_LINES = 5;

    private Columns() {
    }

    /** One line as read by position: its top, and the horizontal spans of its characters. */
    private record Line(float top, List<float[]> spans) {
    }

    /** The page's text read column by column, or null when the page is not in two columns. */
    static String read(PDDocument doc, int pageIndex) throws IOException {
        List<Line> lines = lines(doc, pageIndex);
        PDPage page = doc.getPage(pageIndex);
        float width = page.getMediaBox().getWidth();
        float height = page.getMediaBox().getHeight();
        float bestX = -1;
        int bestSplit = 0;
        for (float x = width * 0.3f; x <= width * 0.7f; x += 2) {
            int crossing = 0;
            int split = 0;
            int leftOnly = 0;
            int rightOnly = 0;
            for (Line l : lines) {
                boolean left = false;
                boolean right = false;
                boolean across = false;
                for (float[] s : l.spans()) {
                    left |= s[1] < x;
                    right |= s[0] > x;
                    across |= s[0] <= x && s[1] >= x;
                }
                if (across) {
                    crossing++;
                } else if (left && right) {
                    split++;
                } else if (left) {
                    leftOnly++;
                } else if (right) {
                    rightOnly++;
                }
            }
            // Only a title or a header above the columns may run across the gutter; both columns hold lines of
            // their own. Text on both sides of one baseline is a table's rows (or columns that cannot be told from
            // one): read by position, it stays in rows.
            int both = Math.min(leftOnly, rightOnly);
            if (crossing <= 2 && both > bestSplit && split < both) {
                bestSplit = both;
                bestX = x;
            }
        }
        if (bestSplit < MIN_SPLIT_LINES || bestSplit * 3 < lines.size()) {
            return null;
        }
        float gutter = bestX;
        // The columns start at the first line that does not run across the gutter.
        float top = lines.stream().filter(l -> !crosses(l, gutter)).map(Line::top).min(Float::compare).orElse(0f);
        PDFTextStripperByArea area = new PDFTextStripperByArea();
        area.setSortByPosition(true);
        area.addRegion("above", new Rectangle2D.Float(0, 0, width, Math.max(0, top - 1)));
        area.addRegion("left", new Rectangle2D.Float(0, top - 1, gutter, height));
        area.addRegion("right", new Rectangle2D.Float(gutter, top - 1, width - gutter, height));
        area.extractRegions(page);
        return area.getTextForRegion("above") + area.getTextForRegion("left") + "\n" + area.getTextForRegion("right");
    }

    private static boolean crosses(Line l, float x) {
        return l.spans().stream().anyMatch(s -> s[0] <= x && s[1] >= x);
    }

    private static List<Line> lines(PDDocument doc, int pageIndex) throws IOException {
        List<Line> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (positions.isEmpty()) {
                    return;
                }
                // Runs of text: characters and the ordinary spaces between words; a wider gap ends a run.
                List<float[]> spans = new ArrayList<>();
                float[] run = null;
                for (TextPosition p : positions) {
                    if (p.getUnicode().isBlank()) {
                        continue;
                    }
                    float start = p.getXDirAdj();
                    float end = start + p.getWidthDirAdj();
                    float space = Math.max(4, 2 * p.getWidthOfSpace());
                    if (run != null && start - run[1] <= space && start >= run[0]) {
                        run[1] = Math.max(run[1], end);
                    } else {
                        run = new float[] { start, end };
                        spans.add(run);
                    }
                }
                float top = positions.get(0).getYDirAdj();
                // Text of one printed line may come in several pieces: merged by its top.
                for (Line l : out) {
                    if (Math.abs(l.top() - top) < 1) {
                        l.spans().addAll(spans);
                        return;
                    }
                }
                out.add(new Line(top, spans));
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(pageIndex + 1);
        stripper.setEndPage(pageIndex + 1);
        stripper.getText(doc);
        return out;
    }
}
