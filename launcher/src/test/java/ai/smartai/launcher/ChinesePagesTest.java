package ai.smartai.launcher;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A teacher who reads Chinese sees no English on the main pages of a graded task: review reasons, evidence, group
 * names, methods, flags and states are all rendered from the server's message codes in the page's language. What may
 * stay in Latin letters is what no translation applies to: names, code, the students' answers and the problems'
 * text, maths, and identifiers (ids, file names, evidence kinds, numbers).
 */
@QuarkusTest
class ChinesePagesTest {

    /**
     * Latin words a Chinese page may show: the product, file formats, units, the Esc key and the name of the English
     * switch. Besides these, a word in capitals alone is an acronym or option letters (TCP, ACD).
     */
    static final Set<String> ALLOWED = Set.of("SmarTAI", "Smar", "TAI", "Excel", "Moodle", "Canvas", "English", "ms",
            "tokens", "Esc");
    static final Pattern CAPITALS = Pattern.compile("[A-Z]{2,}");

    /**
     * Elements whose text is not the UI's: code, answers, problems and references, maths, forms' typed text, and the
     * words a server text quotes but did not write ({@code .quoted}: the student's sentence a tool matched, a
     * program's own failure output, a file's name). The rest of an evidence detail is the server's, and checked.
     */
    static final String NOT_UI = "script, style, pre, code, textarea, .rendered, details.source, .math, input, "
            + "option[value], .who span[title], .quoted";

    /** A run of Latin letters; a whitespace-separated token with a digit, a dot, a slash or "_" is an identifier. */
    static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    static final Pattern IDENTIFIER = Pattern.compile(".*[0-9._/@\\\\].*");

    final TeacherFlowPageTest flow = new TeacherFlowPageTest();

    @Test
    void theChinesePagesOfAGradedTaskHaveNoEnglish() throws IOException {
        flow.login();
        String task = flow.createTask("中文界面作业");
        // The demo's problems are in English: the task writes its comments to students in Chinese all the same.
        given().redirects().follow(false).cookie("smartai_session", flow.cookie).contentType(ContentType.URLENC)
                .formParam("language", "zh").post("/tasks/" + task + "/comment-language").then().statusCode(303);
        flow.uploadDemo(task);
        flow.grade(task);
        flow.awaitIdle(task);

        List<String> paths = new ArrayList<>(List.of("/", "/tasks/" + task, "/tasks/" + task + "/review",
                "/tasks/" + task + "/analytics", "/tasks/" + task + "/class"));
        String results = zh("/tasks/" + task);
        Document resultsPage = Jsoup.parse(results);
        Set<String> students = new LinkedHashSet<>(resultsPage.select("tr[data-student-id]").eachAttr(
                "data-student-id"));
        assertThat(students).hasSize(10);
        // Names, and the teacher's own words (problems, key, rubric) wherever a page quotes them.
        Set<String> theirs = new LinkedHashSet<>();
        resultsPage.select("tr[data-student-id] td:eq(0)").eachText().forEach(n -> words(n, theirs));
        Jsoup.parse(results).select("textarea").forEach(t -> words(t.text(), theirs));
        for (String file : new String[] { "problems.md", "answer-key.md" }) {
            words(Files.readString(new File(TeacherFlowPageTest.DEMO, file).toPath()), theirs);
        }
        students.forEach(s -> paths.add("/tasks/" + task + "/students/" + s));
        for (int q = 1; q <= 9; q++) {
            paths.add("/tasks/" + task + "/problems/q" + q + "/workbench");
            paths.add("/tasks/" + task + "/problems/q" + q);
        }

        Map<String, Set<String>> english = new LinkedHashMap<>();
        for (String path : paths) {
            String page = zh(path);
            assertThat(page).contains("<html lang=\"zh\">");
            Set<String> words = englishWords(page);
            words.removeAll(theirs);
            if (!words.isEmpty()) {
                english.put(path.replace(task, "{task}"), words);
            }
        }
        TeacherFlowPageTest.keep("zh-student-2023001.html", zh("/tasks/" + task + "/students/2023001")
                .getBytes(StandardCharsets.UTF_8));
        TeacherFlowPageTest.keep("zh-english.txt", english.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(english).as("English words on the Chinese pages").isEmpty();
    }

    /**
     * What a teacher meets outside a graded task, in Chinese: the report of an upload that read with notes and of one
     * that failed, a form the server refused, and the error page of a task that does not exist.
     */
    @Test
    void uploadReportsAndErrorsAreChinese() throws IOException {
        flow.login();
        String task = flow.createTask("中文报告作业");
        // Each case is checked on its own, so that one English text does not hide another.
        SoftAssertions softly = new SoftAssertions();
        // A problem set without numbering reads as one problem, with a note saying how to number it.
        flow.uploadBytes(task, "problems", "notes.md", "请解释栈和队列的区别，并各举一个应用的例子。\n".getBytes(
                StandardCharsets.UTF_8));
        // An archive of nothing but a Mac's debris holds no answer files: the upload fails.
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("__MACOSX/._notes.txt"));
            out.write(1);
            out.closeEntry();
        }
        flow.uploadBytes(task, "submissions", "empty.zip", zip.toByteArray());
        String reports = zh("/tasks/" + task);
        Document page = Jsoup.parse(reports);
        softly.assertThat(page.select("[data-report=failed] [data-field=error]").text()).as("failed upload")
                .contains("empty.zip").containsPattern("\\p{IsHan}");
        softly.assertThat(page.select("[data-report=succeeded] .warnings li").eachText()).as("upload's note")
                .singleElement().asString().contains("notes.md").containsPattern("\\p{IsHan}");
        softly.assertThat(englishWords(reports)).as("upload reports").isEmpty();
        String refused = given().cookie("smartai_session", flow.cookie).cookie("smartai_lang", "zh")
                .multiPart("file", "notes.exe", "MZ".getBytes(StandardCharsets.UTF_8))
                .post("/tasks/" + task + "/upload/problems").then().statusCode(400).extract().asString();
        softly.assertThat(Jsoup.parse(refused).select(".form-error").text()).as("refused upload")
                .contains("notes.exe").containsPattern("\\p{IsHan}");
        softly.assertThat(englishWords(refused)).as("refused upload").isEmpty();
        String missing = given().cookie("smartai_session", flow.cookie).cookie("smartai_lang", "zh")
                .accept(ContentType.HTML).get("/tasks/zz9").then().statusCode(404).extract().asString();
        softly.assertThat(Jsoup.parse(missing).select(".form-error").text()).as("error page").contains("zz9")
                .containsPattern("\\p{IsHan}");
        softly.assertThat(englishWords(missing)).as("error page").isEmpty();
        // A roster the server refuses, for want of an id or a name column: the reason in Chinese, naming the file.
        String roster = given().cookie("smartai_session", flow.cookie).cookie("smartai_lang", "zh")
                .multiPart("file", "marks.csv", "colour,size\nred,3\n".getBytes(StandardCharsets.UTF_8))
                .post("/tasks/" + task + "/class/roster").then().statusCode(400).extract().asString();
        softly.assertThat(Jsoup.parse(roster).select(".form-error").text()).as("refused roster")
                .contains("marks.csv").contains("学号").containsPattern("表头");
        // The header it quotes is the teacher's own words.
        softly.assertThat(englishWords(roster)).as("refused roster").containsOnly("colour", "size");
        softly.assertAll();
    }

    /** The check itself: an English review reason or evidence line on a Chinese page is found. */
    @Test
    void anEnglishReasonOnAChinesePageIsFound() {
        String page = "<html lang=\"zh\"><body><ul class=\"review-reasons\"><li>相似度处于不确定区间</li>"
                + "<li>final answer not compared: brackets differ</li></ul><pre>def f(x): return x</pre>"
                + "<div class=\"rendered\"><p>The student's own words</p></div><span class=\"math\">\\frac{a}{b}</span>"
                + "<td>2023001_zhang.txt</td><td>q1</td><td>TCP ACD</td>"
                + "<ul class=\"evidence\"><li>评分细则<div class=\"detail\">• <span class=\"quoted\">Result</span>："
                + "1/2 (inferred)<br>  最接近的句子：“<span class=\"quoted\">a queue is first in, first out</span>”"
                + "<br><span class=\"quoted\">Traceback: NameError: name 'x' is not defined</span></div></li></ul>"
                + "</body></html>";
        // What a detail quotes is exempt (see NOT_UI): the student's sentence, the program's output, the rubric
        // item's name. Words the server wrote in a detail are not: "(inferred)" is English left on a Chinese page.
        assertThat(englishWords(page)).containsExactly("final", "answer", "not", "compared", "brackets", "differ",
                "inferred");
    }

    String zh(String path) {
        return given().cookie("smartai_session", flow.cookie).cookie("smartai_lang", "zh").accept(ContentType.HTML)
                .get(path).then().statusCode(200).extract().asString();
    }

    private static void words(String text, Set<String> into) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            into.add(m.group());
        }
    }

    /** The English words in a page's visible text, outside names, code, answers, maths and identifiers. */
    static Set<String> englishWords(String html) {
        Document page = Jsoup.parse(html);
        page.select(NOT_UI).remove();
        Set<String> found = new LinkedHashSet<>();
        for (String token : page.body().text().split("\\s+")) {
            if (IDENTIFIER.matcher(token).matches()) {
                continue;
            }
            Matcher m = WORD.matcher(token);
            while (m.find()) {
                if (!ALLOWED.contains(m.group()) && !CAPITALS.matcher(m.group()).matches()) {
                    found.add(m.group());
                }
            }
        }
        return found;
    }
}
