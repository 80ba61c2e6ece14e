import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes a text PDF (A4, wrapped lines, the font embedded) from a UTF-8 text file, for the corpus's PDF documents.
 * Run: java -cp "$(ls ~/.m2/repository/org/apache/pdfbox/{pdfbox,fontbox,pdfbox-io}/3*\/*.jar | tr '\n' :)$(ls
 * ~/.m2/repository/commons-logging/commons-logging/*\/*.jar | head -1)" Text2Pdf.java in.txt out.pdf [font.ttc]
 */
public class Text2Pdf {

    public static void main(String[] args) throws Exception {
        String fontFile = args.length > 2 ? args[2] : "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(new File(fontFile))) {
            PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiZenHei"), true);
            float size = 11, leading = 16, margin = 56, width = PDRectangle.A4.getWidth() - 2 * margin;
            List<String> wrapped = new ArrayList<>();
            for (String line : lines) {
                String rest = line.replace("\t", "    ");
                while (font.getStringWidth(rest) / 1000 * size > width) {
                    int cut = rest.length();
                    while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * size > width) {
                        cut--;
                    }
                    wrapped.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                wrapped.add(rest);
            }
            int perPage = (int) ((PDRectangle.A4.getHeight() - 2 * margin) / leading);
            for (int start = 0; start < wrapped.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                    out.beginText();
                    out.setFont(font, size);
                    out.setLeading(leading);
                    out.newLineAtOffset(margin, PDRectangle.A4.getHeight() - margin);
                    for (String l : wrapped.subList(start, Math.min(wrapped.size(), start + perPage))) {
                        out.showText(l);
                        out.newLine();
                    }
                    out.endText();
                }
            }
            doc.save(new File(args[1]));
        }
    }
}
