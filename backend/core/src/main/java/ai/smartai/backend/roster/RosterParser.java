package ai.smartai.backend.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.student.RosterReport.Person;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads a roster from CSV (comma, semicolon or tab; UTF-8, with or without BOM) or XLSX. The header names the columns;
 * the names of Moodle's participants export, Canvas's gradebook export and common Chinese headers are understood.
 */
final class RosterParser {

    private enum Field {
        ID,
        NAME,
        FIRST,
        LAST,
        EMAIL,
        LMS
    }

    /** Header (normalised: lower case, no spaces or punctuation) → the field it holds. */
    private static final Map<String, Field> HEADERS = Map.ofEntries(
            Map.entry("id", Field.ID), Map.entry("studentid", Field.ID), Map.entry("idnumber", Field.ID),
            Map.entry("sisuserid", Field.ID), Map.entry("学号", Field.ID), Map.entry("学生编号", Field.ID),
            Map.entry("matriculationnumber", Field.ID), Map.entry("studentnumber", Field.ID),
            Map.entry("name", Field.NAME), Map.entry("fullname", Field.NAME), Map.entry("student", Field.NAME),
            Map.entry("studentname", Field.NAME), Map.entry("姓名", Field.NAME), Map.entry("名字", Field.NAME),
            Map.entry("firstname", Field.FIRST), Map.entry("givenname", Field.FIRST),
            Map.entry("lastname", Field.LAST), Map.entry("surname", Field.LAST), Map.entry("familyname", Field.LAST),
            Map.entry("email", Field.EMAIL), Map.entry("emailaddress", Field.EMAIL), Map.entry("邮箱", Field.EMAIL),
            Map.entry("lmsid", Field.LMS), Map.entry("canvasid", Field.LMS), Map.entry("canvasuserid", Field.LMS),
            Map.entry("moodleid", Field.LMS), Map.entry("userid", Field.LMS), Map.entry("username", Field.LMS),
            Map.entry("sisloginid", Field.LMS));

    private RosterParser() {
    }

    static List<Person> parse(String fileName, byte[] bytes) {
        List<List<String>> rows = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(fileName, bytes)
                : csv(fileName, bytes);
        if (rows.isEmpty()) {
            throw ApiException.badRequest("roster_invalid", Message.of(MessageCode.ERR_ROSTER_EMPTY, fileName));
        }
        List<String> header = rows.get(0);
        Field[] fields = new Field[header.size()];
        boolean id = false;
        boolean name = false;
        for (int i = 0; i < header.size(); i++) {
            Field f = HEADERS.get(normal(header.get(i)));
            // Canvas's "ID" is its own user id when "SIS User ID" holds the student's.
            if (f == Field.ID && normal(header.get(i)).equals("id") && header.stream().anyMatch(
                    h -> normal(h).equals("sisuserid"))) {
                f = Field.LMS;
            }
            fields[i] = f;
            id |= f == Field.ID;
            name |= f == Field.NAME || f == Field.FIRST || f == Field.LAST;
        }
        if (!id && !name) {
            throw ApiException.badRequest("roster_invalid", Message.of(MessageCode.ERR_ROSTER_NO_COLUMNS, fileName,
                    header));
        }
        List<Person> people = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            String sid = null;
            String full = null;
            String first = null;
            String last = null;
            String email = null;
            String lms = null;
            for (int i = 0; i < Math.min(row.size(), fields.length); i++) {
                String v = blankToNull(row.get(i));
                if (fields[i] == null || v == null) {
                    continue;
                }
                switch (fields[i]) {
                    case ID -> sid = v;
                    case NAME -> full = v;
                    case FIRST -> first = v;
                    case LAST -> last = v;
                    case EMAIL -> email = v;
                    case LMS -> lms = lms == null ? v : lms;
                }
            }
            if (full == null && (first != null || last != null)) {
                full = (first == null ? "" : first) + (first != null && last != null ? " " : "")
                        + (last == null ? "" : last);
            }
            // Canvas's export has a "Points Possible" line under its header; it is no student.
            if ((sid == null && full == null) || full != null && full.strip().equalsIgnoreCase("points possible")) {
                continue;
            }
            people.add(new Person(sid, full, email, lms));
        }
        return people;
    }

    /** Lower case, NFKC, without spaces and punctuation: "ID number" → "idnumber", "学号：" → "学号". */
    static String normal(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\\p{Z}\\s\\p{P}\\p{S}\\uFEFF]", "");
    }

    private static List<List<String>> csv(String fileName, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, '\t') > count(firstLine, ',') ? '\t'
                : count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        try {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(text))) {
                rows.add(r.toList());
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("roster_invalid", Message.of(MessageCode.ERR_ROSTER_CSV, fileName,
                    e.getMessage()));
        }
    }

    private static List<List<String>> xlsx(String fileName, byte[] bytes) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    rows.add(cells);
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("roster_invalid", Message.of(MessageCode.ERR_ROSTER_XLSX, fileName,
                    e.getMessage()));
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
