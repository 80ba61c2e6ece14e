package ai.smartai.backend.ingest.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** The text of one homework document: .txt/.md (encoding detected), .pdf (its text layer) or .docx. */
public final class DocumentReader {

    /** A document's text and how it was read. */
    public record Text(String text, String how, boolean guessed) {
    }

    /** Bigger than any homework; a .docx body past this is a bomb, not an answer. */
    private static final long MAX_DOCX_XML = 50L * 1024 * 1024;

    private DocumentReader() {
    }

    /** Source files students hand in as their homework: read as text, like a .txt. */
    static final Set<String> SOURCE = Set.of("java", "py", "c", "h", "cpp", "cc", "hpp", "js", "ts", "kt", "go", "rs",
            "rb", "m", "r", "jl", "sql", "sh");

    public static boolean isSupported(String fileName) {
        String ext = extension(fileName);
        return ext.equals("txt") || ext.equals("md") || ext.equals("markdown") || ext.equals("pdf")
                || ext.equals("docx") || ext.equals("tex") || ext.isEmpty() || SOURCE.contains(ext);
    }

    public static Text read(String fileName, byte[] bytes) throws UnreadableDocumentException {
        String ext = extension(fileName);
        switch (ext) {
            case "pdf" :
                return new Text(pdf(fileName, bytes), "pdf text layer", false);
            case "docx" :
                return new Text(docx(fileName, bytes), "docx", false);
            case "doc" :
                throw new UnreadableDocumentException(Message.of(MessageCode.DOC_OLD_WORD, fileName));
            default :
                if (looksBinary(bytes)) {
                    throw new UnreadableDocumentException(Message.of(MessageCode.DOC_BINARY, fileName));
                }
                TextDecoder.Decoded d = TextDecoder.decode(bytes);
                String text = normalise(d.text());
                return new Text(ext.equals("tex") ? LatexStructure.numbered(text) : text, d.charset().name(),
                        d.guessed());
        }
    }

    /** Pages read of one PDF: more than any homework has. */
    static final int MAX_PDF_PAGES = 300;
    /** Time one PDF may take to read: a small file can expand into millions of drawing operators. */
    static final Duration MAX_PDF_TIME = Duration.ofSeconds(10);

    static String pdf(String fileName, byte[] bytes) throws UnreadableDocumentException {
        return pdf(fileName, bytes, MAX_PDF_TIME);
    }

    static String pdf(String fileName, byte[] bytes, Duration limit) throws UnreadableDocumentException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            long deadline = System.nanoTime() + limit.toNanos();
            PDFTextStripper stripper = new PDFTextStripper() {
                private boolean lineStart = true;

                @Override
                protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                    if (System.nanoTime() > deadline) {
                        throw new TooSlow();
                    }
                    super.processOperator(operator, operands);
                }

                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    if (lineStart) {
                        lineStart = false;
                        writeString(MonospaceIndent.mark(positions));
                    }
                    super.writeString(text, positions);
                }

                @Override
                protected void writeLineSeparator() throws IOException {
                    lineStart = true;
                    super.writeLineSeparator();
                }

                @Override
                protected void writePageStart() throws IOException {
                    lineStart = true;
                    super.writePageStart();
                }
            };
            stripper.setSortByPosition(true);
            stripper.setEndPage(MAX_PDF_PAGES);
            // Pages apart, so that page numbers, headers and footers can be told from the answers.
            stripper.setPageEnd("\f");
            List<String> pages = new ArrayList<>(
                    Stream.of(stripper.getText(doc).split("\f", -1)).map(MonospaceIndent::resolve).toList());
            for (int i = 0; i < Math.min(pages.size(), doc.getNumberOfPages()); i++) {
                String columns = Columns.read(doc, i);
                if (columns != null) {
                    pages.set(i, columns);
                }
            }
            String text = normalise(PageFurniture.clean(pages));
            if (text.isBlank()) {
                throw new UnreadableDocumentException(Message.of(MessageCode.DOC_PDF_NO_TEXT, fileName));
            }
            if (doc.getNumberOfPages() > MAX_PDF_PAGES) {
                text += "\n\n[only the first " + MAX_PDF_PAGES + " of " + doc.getNumberOfPages() + " pages were read]";
            }
            return text;
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(Message.of(MessageCode.DOC_PDF_PASSWORD, fileName), e);
        } catch (TooSlow e) {
            throw new UnreadableDocumentException(Message.of(MessageCode.DOC_PDF_SLOW, fileName, limit.toSeconds()), e);
        } catch (IOException e) {
            throw new UnreadableDocumentException(Message.of(MessageCode.DOC_PDF_UNREADABLE, fileName, e.getMessage()),
                    e);
        }
    }

    /** Thrown from inside PDFBox when a PDF passes its time limit. */
    private static final class TooSlow extends IOException {
        TooSlow() {
            super("time limit", null);
        }
    }

    /** Reads word/document.xml with StAX: paragraphs become lines; no DTDs, no external entities. */
    static String docx(String fileName, byte[] bytes) throws UnreadableDocumentException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("word/document.xml")) {
                    return normalise(documentXml(new BoundedInputStream(zip, MAX_DOCX_XML, fileName)));
                }
            }
            throw new UnreadableDocumentException(Message.of(MessageCode.DOC_NOT_WORD, fileName));
        } catch (IOException | XMLStreamException e) {
            throw new UnreadableDocumentException(Message.of(MessageCode.DOC_WORD_UNREADABLE, fileName,
                    e.getMessage()), e);
        }
    }

    /**
     * Paragraphs become lines; a table becomes a Markdown table, one row per line with its cells between bars and a
     * separator under the first row, so that a rubric table ({@code 项目 | 分值 | 说明}) or options set out in cells
     * read as they do when a teacher types them in Markdown. A table inside a cell stays inside that cell.
     */
    private static String documentXml(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        StringBuilder out = new StringBuilder();
        StringBuilder cell = new StringBuilder();
        List<String> row = new ArrayList<>();
        int tables = 0;
        int rows = 0;
        boolean inText = false;
        while (xml.hasNext()) {
            int event = xml.next();
            StringBuilder to = tables > 0 ? cell : out;
            if (event == XMLStreamReader.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("t")) {
                    inText = true;
                } else if (name.equals("tab")) {
                    to.append(tables > 0 ? ' ' : '\t');
                } else if (name.equals("br") || name.equals("cr")) {
                    to.append(tables > 0 ? ' ' : '\n');
                } else if (name.equals("tbl") && tables++ == 0) {
                    rows = 0;
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("t")) {
                    inText = false;
                } else if (name.equals("p")) {
                    to.append(tables > 0 ? ' ' : '\n');
                } else if (name.equals("tbl")) {
                    tables--;
                } else if (tables == 1 && name.equals("tc")) {
                    row.add(cell.toString().replace('|', '/').replaceAll("\\s+", " ").strip());
                    cell.setLength(0);
                } else if (tables == 1 && name.equals("tr")) {
                    out.append("| ").append(String.join(" | ", row)).append(" |\n");
                    if (rows++ == 0) {
                        out.append("|").append("---|".repeat(row.size())).append('\n');
                    }
                    row.clear();
                }
            } else if (inText && (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA)) {
                to.append(xml.getText());
            }
        }
        return out.toString();
    }

    /** Unix line ends, no NULs; everything else is kept exactly. */
    /** Line ends as "\n"; no-break spaces (a PDF printed from HTML's &nbsp;, Word's) as the spaces they show. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").replace('\u00a0', ' ')
                .replace('\u202f', ' ').replace('\u2007', ' ');
    }

    private static boolean looksBinary(byte[] bytes) {
        return !TextDecoder.looksLikeText(bytes);
    }

    public static String extension(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Stops a decompression bomb inside a .docx. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private final long max;
        private final String fileName;
        private long read;

        BoundedInputStream(InputStream in, long max, String fileName) {
            this.in = in;
            this.max = max;
            this.fileName = fileName;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > max) {
                throw new IOException(fileName + " expands past " + max + " bytes");
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0 && (read += n) > max) {
                throw new IOException(fileName + " expands past " + max + " bytes");
            }
            return n;
        }
    }
}
