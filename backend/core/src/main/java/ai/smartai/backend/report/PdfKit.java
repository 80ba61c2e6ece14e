package ai.smartai.backend.report;

import java.awt.Color;
import java.io.OutputStream;
import java.util.List;

import ai.smartai.model.analytics.HistogramBin;
import ai.smartai.model.common.Scores;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The few things a report draws (headings, text, tables, bar charts) on an A4 document in one embedded font. Charts
 * are vector drawings, so they stay sharp and cost a few hundred bytes.
 */
final class PdfKit implements AutoCloseable {

    static final Color ACCENT = new Color(0x2b, 0x6c, 0xb0);
    static final Color MARK = new Color(0xd9, 0x77, 0x06);
    static final Color GRID = new Color(0xcc, 0xcc, 0xcc);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);

    final Document doc;
    final PdfWriter writer;
    final BaseFont base;
    final Font title;
    final Font heading;
    final Font body;
    final Font small;
    final Font mono;

    /** One bar: a value out of {@code max}, with an optional reference (e.g. the class mean) drawn as a tick. */
    record Bar(String label, double value, double max, Double reference) {
    }

    /**
     * One problem's scores as a box plot, computed as the analytics page's chart computes them: quartiles as medians of
     * the lower and upper halves, whiskers to the furthest scores within 1.5 × the interquartile range, and the scores
     * beyond them as outliers.
     */
    record Box(String label, double max, double q1, double median, double q3, double low, double high, double mean,
            List<Double> outliers) {

        /** The box of {@code scores} out of {@code max}; null when there is no score. */
        static Box of(String label, double max, List<Double> scores) {
            if (scores.isEmpty()) {
                return null;
            }
            List<Double> v = scores.stream().sorted().toList();
            int n = v.size();
            double q1 = median(v, 0, n % 2 == 1 ? n / 2 : n / 2 - 1);
            double q3 = median(v, n / 2, n - 1);
            double reach = 1.5 * (q3 - q1);
            double low = v.stream().filter(x -> x >= q1 - reach).findFirst().orElse(v.get(0));
            double high = v.stream().filter(x -> x <= q3 + reach).reduce((a, b) -> b).orElse(v.get(n - 1));
            List<Double> outliers = v.stream().filter(x -> x < q1 - reach || x > q3 + reach).toList();
            return new Box(label, max, q1, median(v, 0, n - 1), q3, low, high,
                    v.stream().mapToDouble(Double::doubleValue).average().orElse(0), outliers);
        }

        private static double median(List<Double> sorted, int from, int to) {
            int n = to - from + 1;
            return n % 2 == 1 ? sorted.get(from + n / 2)
                    : (sorted.get(from + n / 2 - 1) + sorted.get(from + n / 2)) / 2;
        }
    }

    PdfKit(BaseFont base, OutputStream out, String documentTitle) {
        this.base = base;
        this.title = new Font(base, 16, Font.NORMAL, ACCENT);
        this.heading = new Font(base, 12, Font.NORMAL, ACCENT);
        this.body = new Font(base, 10);
        this.small = new Font(base, 8.5f, Font.NORMAL, MUTED);
        this.mono = new Font(base, 9);
        this.doc = new Document(PageSize.A4, 48, 48, 48, 48);
        this.writer = PdfWriter.getInstance(doc, out);
        // The caller owns the stream: a zip gets one report an entry.
        writer.setCloseStream(false);
        doc.addTitle(documentTitle);
        doc.addCreator("SmarTAI");
        doc.open();
    }

    void title(String text) {
        add(new Paragraph(text, title));
    }

    void heading(String text) {
        Paragraph p = new Paragraph(text, heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(3);
        add(p);
    }

    void text(String text) {
        add(new Paragraph(text == null ? "" : text, body));
    }

    void small(String text) {
        add(new Paragraph(text == null ? "" : text, small));
    }

    /** A labelled value on one line: "Label: value". */
    void field(String label, String value) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(label + ": ", small));
        p.add(new Chunk(value == null ? "" : value, body));
        add(p);
    }

    /** Text kept as written (an answer, a test's input), indented and in a box-like grey. */
    void block(String text) {
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        PdfPCell cell = new PdfPCell(new Phrase(text == null || text.isBlank() ? "—" : text, mono));
        cell.setBackgroundColor(new Color(0xf4, 0xf4, 0xf4));
        cell.setBorderColor(GRID);
        cell.setPadding(5);
        t.addCell(cell);
        t.setSpacingBefore(2);
        t.setSpacingAfter(4);
        add(t);
    }

    void table(List<String> header, List<List<String>> rows, float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : header) {
            PdfPCell c = new PdfPCell(new Phrase(h, small));
            c.setBackgroundColor(new Color(0xe8, 0xef, 0xf7));
            c.setBorderColor(GRID);
            t.addCell(c);
        }
        for (List<String> row : rows) {
            for (String v : row) {
                PdfPCell c = new PdfPCell(new Phrase(v == null ? "" : v, body));
                c.setBorderColor(GRID);
                t.addCell(c);
            }
        }
        t.setSpacingBefore(3);
        t.setSpacingAfter(6);
        add(t);
    }

    /** Horizontal bars, one a row, each against its own maximum; the reference is an orange tick. */
    void bars(List<Bar> bars) {
        float rowH = 14;
        float labelW = 70;
        float barW = 300;
        float width = labelW + barW + 80;
        float height = rowH * bars.size() + 4;
        PdfTemplate tp = writer.getDirectContent().createTemplate(width, height);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            float y = height - (i + 1) * rowH;
            label(tp, b.label(), 0, y + 3, 8);
            tp.setColorFill(new Color(0xee, 0xee, 0xee));
            tp.rectangle(labelW, y + 2, barW, rowH - 5);
            tp.fill();
            double share = b.max() <= 0 ? 0 : Math.max(0, Math.min(1, b.value() / b.max()));
            tp.setColorFill(ACCENT);
            tp.rectangle(labelW, y + 2, (float) (barW * share), rowH - 5);
            tp.fill();
            if (b.reference() != null && b.max() > 0) {
                float x = labelW + (float) (barW * Math.max(0, Math.min(1, b.reference() / b.max())));
                tp.setColorStroke(MARK);
                tp.setLineWidth(2);
                tp.moveTo(x, y);
                tp.lineTo(x, y + rowH - 1);
                tp.stroke();
            }
            label(tp, Scores.format(b.value()) + " / " + Scores.format(b.max()), labelW + barW + 6, y + 3, 8);
        }
        image(tp);
    }

    /** The class's totals as columns; the bin holding {@code highlight} is orange. */
    void histogram(List<HistogramBin> bins, Double highlight) {
        float width = 450;
        float height = 110;
        float bottom = 16;
        PdfTemplate tp = writer.getDirectContent().createTemplate(width, height);
        int most = bins.stream().mapToInt(HistogramBin::count).max().orElse(0);
        float colW = width / Math.max(1, bins.size());
        for (int i = 0; i < bins.size(); i++) {
            HistogramBin bin = bins.get(i);
            float h = most == 0 ? 0 : (height - bottom - 12) * bin.count() / most;
            boolean mine = highlight != null && (highlight >= bin.from() && highlight < bin.to()
                    || i == bins.size() - 1 && highlight >= bin.from());
            tp.setColorFill(mine ? MARK : ACCENT);
            tp.rectangle(i * colW + 2, bottom, colW - 4, h);
            tp.fill();
            if (bin.count() > 0) {
                label(tp, Integer.toString(bin.count()), i * colW + colW / 2 - 3, bottom + h + 2, 7);
            }
            label(tp, Scores.format(bin.from()), i * colW + 2, 3, 6.5f);
        }
        tp.setColorStroke(GRID);
        tp.setLineWidth(0.5f);
        tp.moveTo(0, bottom);
        tp.lineTo(width, bottom);
        tp.stroke();
        image(tp);
    }

    /**
     * One box plot a row, each problem on its own scale from 0 to its maximum: the box spans the quartiles, the dark
     * line is the median, the orange tick the mean, the whiskers reach the furthest scores that are not outliers.
     */
    void boxes(List<Box> boxes) {
        float rowH = 16;
        float labelW = 70;
        float plotW = 300;
        float width = labelW + plotW + 80;
        float height = rowH * boxes.size() + 4;
        PdfTemplate tp = writer.getDirectContent().createTemplate(width, height);
        for (int i = 0; i < boxes.size(); i++) {
            Box b = boxes.get(i);
            float y = height - (i + 1) * rowH;
            float mid = y + rowH / 2;
            label(tp, b.label(), 0, y + 4, 8);
            tp.setColorStroke(GRID);
            tp.setLineWidth(0.5f);
            tp.rectangle(labelW, y + 1, plotW, rowH - 2);
            tp.stroke();
            if (b.max() <= 0) {
                continue;
            }
            tp.setColorStroke(ACCENT);
            tp.setLineWidth(1);
            tp.moveTo(at(b.low(), b, labelW, plotW), mid);
            tp.lineTo(at(b.q1(), b, labelW, plotW), mid);
            tp.moveTo(at(b.q3(), b, labelW, plotW), mid);
            tp.lineTo(at(b.high(), b, labelW, plotW), mid);
            tp.stroke();
            tp.setColorFill(new Color(0xc7, 0xd6, 0xf5));
            float left = at(b.q1(), b, labelW, plotW);
            tp.rectangle(left, y + 3, Math.max(1, at(b.q3(), b, labelW, plotW) - left), rowH - 6);
            tp.fillStroke();
            tp.setLineWidth(1.6f);
            tp.moveTo(at(b.median(), b, labelW, plotW), y + 3);
            tp.lineTo(at(b.median(), b, labelW, plotW), y + rowH - 3);
            tp.stroke();
            tp.setColorStroke(MARK);
            tp.moveTo(at(b.mean(), b, labelW, plotW), y + 2);
            tp.lineTo(at(b.mean(), b, labelW, plotW), y + rowH - 2);
            tp.stroke();
            tp.setColorFill(MARK);
            for (double o : b.outliers()) {
                tp.circle(at(o, b, labelW, plotW), mid, 1.6f);
                tp.fill();
            }
            label(tp, Scores.format(b.median()) + " / " + Scores.format(b.max()), labelW + plotW + 6, y + 4, 8);
        }
        image(tp);
    }

    /** One bar of the class split by grade band, best band first, each with its name and count below it. */
    void bands(List<String> names, List<Integer> counts) {
        float width = 450;
        float height = 40;
        Color[] colors = { new Color(0x1e, 0x7a, 0x46), new Color(0x4f, 0x9d, 0x69), ACCENT, MARK,
                new Color(0xb4, 0x23, 0x18) };
        int all = counts.stream().mapToInt(Integer::intValue).sum();
        PdfTemplate tp = writer.getDirectContent().createTemplate(width, height);
        float x = 0;
        for (int i = 0; i < counts.size() && all > 0; i++) {
            float w = width * counts.get(i) / all;
            tp.setColorFill(colors[i % colors.length]);
            tp.rectangle(x, 20, w, 16);
            tp.fill();
            x += w;
        }
        float slot = width / Math.max(1, names.size());
        for (int i = 0; i < names.size(); i++) {
            tp.setColorFill(colors[i % colors.length]);
            tp.rectangle(i * slot, 4, 8, 8);
            tp.fill();
            label(tp, names.get(i) + ": " + counts.get(i), i * slot + 11, 5, 8);
        }
        image(tp);
    }

    private static float at(double score, Box b, float left, float width) {
        return left + (float) (width * Math.max(0, Math.min(1, score / b.max())));
    }

    void newPage() {
        doc.newPage();
    }

    @Override
    public void close() {
        doc.close();
    }

    private void label(PdfContentByte cb, String text, float x, float y, float size) {
        cb.beginText();
        cb.setFontAndSize(base, size);
        cb.setColorFill(Color.DARK_GRAY);
        cb.showTextAligned(Element.ALIGN_LEFT, text, x, y, 0);
        cb.endText();
    }

    private void image(PdfTemplate tp) {
        try {
            Image img = Image.getInstance(tp);
            img.setSpacingBefore(4);
            add(img);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private void add(Element e) {
        try {
            doc.add(e);
        } catch (DocumentException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
