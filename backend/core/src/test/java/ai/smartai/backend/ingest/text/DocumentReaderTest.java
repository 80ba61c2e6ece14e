package ai.smartai.backend.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

class DocumentReaderTest {

    static final String TEXT = "## 1. 计算 $\\frac{1}{2}$\n答案：B\n";

    /** A student's .java or .py file is their homework, read as text; a binary or an unknown kind is not. */
    @Test
    void sourceFilesAreHomeworkReadAsText() throws Exception {
        assertThat(DocumentReader.isSupported("24002_Liam_OConnor_Homework.java")).isTrue();
        assertThat(DocumentReader.isSupported("2023001_张伟_作业5.py")).isTrue();
        assertThat(DocumentReader.isSupported("hw.c")).isTrue();
        assertThat(DocumentReader.isSupported("Homework.class")).isFalse();
        assertThat(DocumentReader.isSupported("photo.png")).isFalse();
        String source = "// Problem 1\r\npublic static int countVowels(String s) { return 0; }\r\n";
        assertThat(DocumentReader.read("Homework.java", source.getBytes(StandardCharsets.UTF_8)).text())
                .contains("// Problem 1\npublic static int countVowels(String s)").doesNotContain("\r");
    }

    @Test
    void detectsUtf8WithAndWithoutBom() throws Exception {
        assertThat(DocumentReader.read("a.md", TEXT.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(TEXT);
        byte[] bom = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                TEXT.getBytes(StandardCharsets.UTF_8));
        assertThat(DocumentReader.read("a.md", bom).text()).isEqualTo(TEXT);
    }

    @Test
    void detectsGbkAndGb18030() throws Exception {
        var gbk = DocumentReader.read("a.txt", TEXT.getBytes(Charset.forName("GBK")));
        assertThat(gbk.text()).isEqualTo(TEXT);
        assertThat(gbk.how()).isEqualTo("GB18030");
        assertThat(gbk.guessed()).isFalse();
    }

    @Test
    void readsWindows1252AndKeepsGbkForChinese() throws Exception {
        String latin = "20416204 / Núñez, José M.\nI didn’t finish – sorry.\n";
        var read = DocumentReader.read("a.txt", latin.getBytes(Charset.forName("windows-1252")));
        assertThat(read.text()).isEqualTo(latin);
        assertThat(read.guessed()).isTrue();
        // GBK's characters are pairs of high bytes: never read as Windows-1252.
        String chinese = "姓名：郭静\n答：缺页 10 次";
        assertThat(DocumentReader.read("b.txt", chinese.getBytes(Charset.forName("GBK"))).text()).isEqualTo(chinese);
    }

    @Test
    void noBreakSpacesReadAsSpacesAndALatexAuthorIsKept() throws Exception {
        assertThat(DocumentReader.read("a.md", "Wei Chen\u00a0\u00a0|\u00a0903388120".getBytes(StandardCharsets.UTF_8))
                .text()).isEqualTo("Wei Chen  | 903388120");
        String tex = "\\documentclass{article}\n\\author{Chinedu A.~Okafor \\\\ Student ID: 20417733}\n"
                + "\\begin{document}\n\\maketitle\n\\section*{Problem 1}\nThe answer is (b).\n\\end{document}\n";
        assertThat(DocumentReader.read("a.tex", tex.getBytes(StandardCharsets.UTF_8)).text())
                .startsWith("Author: Chinedu A. Okafor\nStudent ID: 20417733\n## Problem 1");
        String options = "\\begin{document}\n\\section*{Problem 1}\nChoose one.\n\\begin{enumerate}[label=(\\alph*)]\n"
                + "  \\item $p$\n  \\item $q$\n\\end{enumerate}\n\\end{document}\n";
        assertThat(DocumentReader.read("b.tex", options.getBytes(StandardCharsets.UTF_8)).text().strip())
                .isEqualTo("## Problem 1\nChoose one.\n(a) $p$\n(b) $q$");
    }

    @Test
    void detectsUtf16WithAndWithoutBom() throws Exception {
        assertThat(DocumentReader.read("a.txt", concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
                TEXT.getBytes(StandardCharsets.UTF_16LE))).text()).isEqualTo(TEXT);
        assertThat(DocumentReader.read("a.txt", TEXT.getBytes(StandardCharsets.UTF_16LE)).text()).isEqualTo(TEXT);
        assertThat(DocumentReader.read("a.txt", TEXT.getBytes(StandardCharsets.UTF_16BE)).text()).isEqualTo(TEXT);
    }

    @Test
    void normalisesWindowsLineEnds() throws Exception {
        assertThat(DocumentReader.read("a.txt", "a\r\nb\rc".getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo("a\nb\nc");
    }

    @Test
    void readsDocxParagraphs() throws Exception {
        String xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>## 1.</w:t></w:r></w:p><w:p><w:r><w:t>答案：</w:t></w:r><w:r><w:t xml:space=\"preserve\">B</w:t></w:r></w:p></w:body></w:document>";
        assertThat(DocumentReader.read("a.docx", docx(xml)).text()).isEqualTo("## 1.\n答案：B\n");
    }

    @Test
    void docxTablesBecomeMarkdownTables() throws Exception {
        String xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>第5题评分表：</w:t></w:r></w:p><w:tbl>"
                + "<w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>分值</w:t></w:r></w:p></w:tc></w:tr>"
                + "<w:tr><w:tc><w:p><w:r><w:t>方程</w:t></w:r></w:p><w:p><w:r><w:t>a|b</w:t></w:r></w:p></w:tc>"
                + "<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>"
                + "</w:tbl><w:p><w:r><w:t>A. 0</w:t></w:r></w:p></w:body></w:document>";
        assertThat(DocumentReader.read("key.docx", docx(xml)).text())
                .isEqualTo("第5题评分表：\n| 项目 | 分值 |\n|---|---|\n| 方程 a/b | 3 |\nA. 0\n");
    }

    @Test
    void refusesExternalEntitiesInDocx() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
        assertThatThrownBy(() -> DocumentReader.read("evil.docx", docx(xml)))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("evil.docx");
    }

    @Test
    void readsThePdfTextLayer() throws Exception {
        assertThat(DocumentReader.read("a.pdf", pdf("Q1: the answer is 42", null)).text())
                .contains("Q1: the answer is 42");
    }

    @Test
    void namesAPasswordProtectedPdf() throws Exception {
        assertThatThrownBy(() -> DocumentReader.read("locked.pdf", pdf("secret", "pw")))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("locked.pdf").hasMessageContaining("password");
    }

    @Test
    void refusesBinaries() {
        byte[] elf = { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0 };
        assertThatThrownBy(() -> DocumentReader.read("a.out", elf)).hasMessageContaining("a.out");
        assertThatThrownBy(() -> DocumentReader.read("a.pdf", "not a pdf".getBytes()))
                .hasMessageContaining("a.pdf");
    }

    @Test
    void pdfPageNumbersAreDroppedAndHeadersAndFootersKeptOnceBeforeTheText() throws Exception {
        List<List<String>> pages = List.of(
                List.of("MATH 101 Homework 2", "1. Compute 2+2.", "2. Compute 3+3.", "Page 1 of 2"),
                List.of("MATH 101 Homework 2", "3. Compute 4+4.", "4. The answer is", "2"));
        String text = DocumentReader.read("hw.pdf", pages(pages)).text();
        assertThat(text).contains("1. Compute 2+2.").contains("3. Compute 4+4.").contains("4. The answer is")
                .doesNotContain("Page 1 of 2").startsWith("MATH 101 Homework 2\n");
        assertThat(text.indexOf("MATH 101")).isEqualTo(text.lastIndexOf("MATH 101"));
        assertThat(text.lines().map(String::strip)).doesNotContain("2");
    }

    @Test
    void aStudentsNameInTheFooterOfEveryPageIsKeptOnceWithoutItsPageNumber() throws Exception {
        List<List<String>> pages = List.of(
                List.of("CS 2110 Homework 5", "Problem 1", "(B) O(log n)", "Priya Raman · 2023011206 Page 1 of 2"),
                List.of("CS 2110 Homework 5", "Problem 2", "merge sort", "Priya Raman · 2023011206 Page 2 of 2"));
        String text = DocumentReader.read("hw.pdf", pages(pages)).text();
        assertThat(text.lines().limit(2)).containsExactly("CS 2110 Homework 5", "Priya Raman · 2023011206");
        assertThat(text).doesNotContain("Page").contains("(B) O(log n)\nProblem 2\nmerge sort");
    }

    @Test
    void 页眉页脚中的姓名学号只保留一次且去掉页码() throws Exception {
        // The pages' text as the PDF layer gives it (the test fonts have no Chinese glyphs to write a PDF with).
        String text = PageFurniture.clean(List.of("数据结构 作业5\n第1题\nB\n张伟 2023011201 第 1 页 共 2 页\n",
                "数据结构 作业5\n第2题\n归并排序\n张伟 2023011201 第 2 页 共 2 页\n"));
        assertThat(text.lines().limit(2)).containsExactly("数据结构 作业5", "张伟 2023011201");
        assertThat(text).doesNotContain("页");
        assertThat(text.substring(text.indexOf("第1题"))).doesNotContain("张伟").contains("归并排序");
    }

    @Test
    void aHeaderWrappedOverSeveralLinesIsDroppedWholeFromThePages() throws Exception {
        List<String> header = List.of("STAT 2110 — Probability and Statistics",
                "Homework 3: Random Variables, Distributions and Fall 2026 · Due Friday, December",
                "Inference 4, 2026");
        List<String> page1 = new ArrayList<>(header);
        page1.addAll(List.of("Problem 1 (10 pts)", "Compute Var(X).", "STAT 2110 · Homework 3 · Page 1 of 2"));
        List<String> page2 = new ArrayList<>(header);
        page2.addAll(List.of("Problem 2 (15 pts)", "Find E[X].", "STAT 2110 · Homework 3 · Page 2 of 2"));
        String text = DocumentReader.read("hw.pdf", pages(List.of(page1, page2))).text();
        assertThat(text).contains("Problem 1 (10 pts)").contains("Find E[X].").doesNotContain("Page");
        // Kept once, before the first problem, never between two.
        String body = text.substring(text.indexOf("Problem 1"));
        assertThat(body).doesNotContain("Inference").doesNotContain("STAT 2110");
    }

    /**
     * A page set in two columns, the right column's lines between the left one's baselines: read by position they
     * interleave; read as the header, then the left column, then the right one, each answer stays whole.
     */
    @Test
    void aPageInTwoColumnsIsReadColumnByColumn() throws Exception {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            write(s, 72, 740, "Sofia Martinez · ID 2023011203 · CS 2110 Data Structures · Homework 5");
            for (int i = 0; i < 6; i++) {
                write(s, 72, 700 - 30 * i, i % 2 == 0 ? "Q" + (i / 2 + 1) : "left answer " + (i / 2 + 1));
                write(s, 330, 690 - 30 * i, i % 2 == 0 ? "Q" + (i / 2 + 4) : "right answer " + (i / 2 + 4));
            }
        }
        String text = DocumentReader.read("hw.pdf", save(doc)).text();
        assertThat(text).startsWith("Sofia Martinez · ID 2023011203 · CS 2110 Data Structures · Homework 5")
                .contains("Q1\nleft answer 1\nQ2\nleft answer 2\nQ3\nleft answer 3")
                .contains("Q4\nright answer 4\nQ5\nright answer 5\nQ6\nright answer 6");
    }

    /**
     * Python printed in a monospaced font keeps its blocks: a PDF stores each line's position, not its leading spaces,
     * and the indent comes back from how far right of the code's leftmost line a line starts. Prose is left alone.
     */
    @Test
    void codeInAMonospacedFontKeepsItsIndentation() throws Exception {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            write(s, 72, 740, "Problem 9");
            write(s, 90, 725, "An indented remark in prose.");
            PDType1Font courier = new PDType1Font(Standard14Fonts.FontName.COURIER);
            s.setFont(courier, 10);
            // Courier at 10 points: 6 points a character, so 4 characters are 24 points.
            String[][] code = { { "0", "def f(xs):" }, { "1", "out = []" }, { "1", "for x in xs:" },
                    { "2", "if x > 0:" }, { "3", "out.append(x)" }, { "1", "return out" } };
            for (int i = 0; i < code.length; i++) {
                write(s, 100 + 24 * Integer.parseInt(code[i][0]), 700 - 14 * i, code[i][1]);
            }
        }
        String text = DocumentReader.read("hw.pdf", save(doc)).text();
        assertThat(text).contains("Problem 9\nAn indented remark in prose.\n").contains("""
                def f(xs):
                    out = []
                    for x in xs:
                        if x > 0:
                            out.append(x)
                    return out""");
    }

    @Test
    void aPageInOneColumnWithATableStaysInRows() throws Exception {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
            s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            write(s, 72, 740, "Q1 Fill in the table of slots and keys, one row per slot of the hash table.");
            for (int i = 0; i < 8; i++) {
                write(s, 72, 710 - 20 * i, "slot " + i);
                write(s, 330, 710 - 20 * i, "key " + (10 * i));
            }
        }
        String text = DocumentReader.read("hw.pdf", save(doc)).text();
        assertThat(text).contains("slot 0 key 0\nslot 1 key 10");
    }

    private static void write(PDPageContentStream s, float x, float y, String text) throws Exception {
        s.beginText();
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    @Test
    void anAnswerThatIsANumberAtTheFootOfAPageStays() throws Exception {
        String text = DocumentReader.read("a.pdf", pages(List.of(List.of("Q1:", "7"), List.of("Q2:", "5")))).text();
        assertThat(text.lines().map(String::strip)).contains("7", "5");
    }

    @Test
    void latexSectionsAndEnumerateBecomeNumbering() throws Exception {
        String tex = """
                \\documentclass{article}
                \\usepackage{amsmath}
                \\begin{document}
                \\maketitle
                \\section*{Problem 1}
                Compute $\\int_0^1 x\\,dx$. % easy one
                \\begin{enumerate}
                \\item Find $\\det A$ for
                  \\begin{enumerate}
                  \\item $A = I$
                  \\item $A = 2I$
                  \\end{enumerate}
                \\item[] Prove that $\\sqrt 2$ is irrational.
                \\end{enumerate}
                \\end{document}
                """;
        String text = DocumentReader.read("hw.tex", tex.getBytes(StandardCharsets.UTF_8)).text();
        assertThat(text).contains("## Problem 1").contains("1. Find $\\det A$ for").contains("(a) $A = I$")
                .contains("(b) $A = 2I$").contains("2. Prove that").doesNotContain("documentclass")
                .doesNotContain("easy one").doesNotContain("maketitle");
    }

    /** A PDF with one line of text per line given, a page per list. */
    static byte[] pages(List<List<String>> pages) throws Exception {
        try (PDDocument doc = document(pages)) {
            return save(doc);
        }
    }

    static byte[] pdf(String text, String password) throws Exception {
        try (PDDocument doc = document(List.of(List.of(text)))) {
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            return save(doc);
        }
    }

    private static PDDocument document(List<List<String>> pages) throws Exception {
        PDDocument doc = new PDDocument();
        for (List<String> lines : pages) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(72, 740);
                for (String line : lines) {
                    s.showText(line);
                    s.newLineAtOffset(0, -40);
                }
                s.endText();
            }
        }
        return doc;
    }

    private static byte[] save(PDDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    static byte[] docx(String documentXml) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(documentXml.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aPdfBuiltToBeSlowIsStoppedAtItsTimeLimit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            // A few hundred KB compressed, millions of drawing operators once expanded.
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                for (int i = 0; i < 2_000_000; i++) {
                    cs.moveTo(0, 0);
                }
            }
            doc.save(out);
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> DocumentReader.pdf("slow.pdf", out.toByteArray(), Duration.ofMillis(300)))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("slow.pdf")
                .hasMessageContaining("took longer than");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    /** A LaTeX tabular's rows read as a table's ("| Name | Carla Mendes |"), and the id a \\date line gives. */
    @Test
    void latexTablesAndTheDateLineAreRead() throws Exception {
        String tex = String.join("\n", "\\documentclass{article}", "\\author{Dmitri Volkov}",
                "\\date{Student no.\\ 22031109}", "\\begin{document}", "\\begin{tabular}{|l|l|}", "\\hline",
                "Name & Carla Mendes \\\\ \\hline", "Student ID & 22031106 \\\\ \\hline", "\\end{tabular}",
                "\\end{document}");
        String text = DocumentReader.read("hw.tex", tex.getBytes(StandardCharsets.UTF_8)).text();
        assertThat(text).contains("Author: Dmitri Volkov").contains("Student no. 22031109")
                .contains("| Name | Carla Mendes |").contains("| Student ID | 22031106 |").doesNotContain("hline")
                .doesNotContain("tabular");
    }
}
