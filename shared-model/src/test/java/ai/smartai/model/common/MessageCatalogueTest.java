package ai.smartai.model.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ai.smartai.model.grade.Evidence;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

class MessageCatalogueTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");
    /** Latin words a Chinese text may keep: names of tools, languages and notations, units. */
    static final Set<String> KEPT_IN_ZH = Set.of("bubblewrap", "Java", "main", "Python", "Σm", "ms", "eval", "Word",
            "SmarTAI", "Authorization", "Bearer", "token", "PostgreSQL", "apt-get install fonts-noto-cjk", "'file'");
    /** Identifiers (file names, paths, settings) and acronyms, as the Chinese pages' check passes them. */
    static final Pattern IDENTIFIER = Pattern.compile("\\S*[0-9._/@<>]\\S*|[A-Z]{2,}");

    /** Texts whose Chinese leaves out an argument that is a tool's own English words. */
    static final Set<MessageCode> LEAVES_OUT = Set.of(MessageCode.EV_CAS_EQUIVALENT, MessageCode.EV_CAS_NOT_EQUIVALENT,
            MessageCode.EVD_PART_EQUALS, MessageCode.EVD_PART_DIFFERS);

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyCodeHasAnEnglishAndAChineseText() {
        for (MessageCode code : MessageCode.values()) {
            String en = code.text("en");
            String zh = code.text("zh");
            assertThat(en).as(code + " en").isNotBlank();
            assertThat(zh).as(code + " zh").isNotBlank();
            assertThat(placeholders(en)).as(code + ": the Chinese uses no argument the English lacks")
                    .containsAll(placeholders(zh));
            if (!LEAVES_OUT.contains(code)) {
                assertThat(placeholders(zh)).as(code + ": the same arguments in both languages")
                        .isEqualTo(placeholders(en));
            }
            if (code == MessageCode.TEXT) {
                continue;
            }
            if (en.replaceAll("\\{\\d}", " ").matches("(?s).*[A-Za-z]{2,}.*")) {
                // A text of words, not a frame of arguments alone ("• {0}: {1}/{2}").
                assertThat(zh).as(code + " zh is Chinese").containsPattern("\\p{IsHan}");
            }
            String latin = zh.replaceAll("\\{\\d}", " ");
            for (String kept : KEPT_IN_ZH) {
                latin = latin.replace(kept, " ");
            }
            latin = IDENTIFIER.matcher(latin).replaceAll(" ");
            assertThat(latin).as(code + " zh has no English words").doesNotContainPattern("[A-Za-z]{2,}");
        }
    }

    @Test
    void codesAreUniqueWireNames() {
        assertThat(MessageCode.of("review-blank")).contains(MessageCode.REVIEW_BLANK);
        assertThat(MessageCode.of("no-such-code")).isEmpty();
    }

    @Test
    void argumentsAndNestedWordsRenderInTheReadersLanguage() {
        Message m = Message.of(MessageCode.REVIEW_READ_LIMIT, 30000, MessageCode.METHOD_SIMILARITY, 20000);
        assertThat(m.english()).isEqualTo("the answer is 30000 characters long; the similarity check read only the "
                + "first 20000");
        assertThat(m.render("zh")).isEqualTo("作答长 30000 个字符；语义相似度检查只读取了前 20000 个");
        // A message inside a message, with arguments of its own: a reason inside a sentence.
        Message part = Message.of(MessageCode.REVIEW_CAS_PART_NOT_COMPARED, "b", Message.of(
                MessageCode.CAS_PART_NO_RESULT, "b"));
        assertThat(part.english()).isEqualTo("part (b): final result not compared: no result found in the answer's "
                + "part (b)");
        assertThat(part.render("zh")).isEqualTo("第（b）小问：最终结果未比较：作答的第（b）小问中未找到结果");
        assertThat(Message.of(MessageCode.REVIEW_CAS_NOT_COMPARED, Message.text("a tool's words")).render("zh"))
                .isEqualTo("最终结果未比较：a tool's words");
        // Braces in an argument are the student's, not placeholders.
        assertThat(Message.of(MessageCode.REVIEW_INJECTION, "{0} {1}").render("zh")).contains("{0} {1}");
    }

    @Test
    void wordsTheServerDidNotWriteCanBeMarkedApart() {
        // A student's sentence a tool matched is an argument: marked. The catalogue's words are not.
        Message match = Message.of(MessageCode.EVD_BEST_MATCH, "a queue is first in, first out");
        assertThat(match.render("zh", "[", "]")).isEqualTo("  最接近的句子：“[a queue is first in, first out]”");
        assertThat(match.render("en", "[", "]")).isEqualTo("  best match: \"[a queue is first in, first out]\"");
        // A program's own output (a text without a code) is marked whole; a nested catalogue text is the server's.
        assertThat(Message.text("NameError: x").render("zh", "[", "]")).isEqualTo("[NameError: x]");
        Message nested = Message.of(MessageCode.REVIEW_GRADER_FAILED, MessageCode.METHOD_SANDBOX, Message.of(
                MessageCode.BASE_URL_NOT_URL, "bad char"));
        assertThat(nested.render("zh", "[", "]")).isEqualTo("沙箱检查出错：不是 URL（[bad char]）");
        // Unmarked, the text is the same as before.
        assertThat(match.render("zh")).isEqualTo("  最接近的句子：“a queue is first in, first out”");
    }

    @Test
    void errorsKeepTheirEnglishWordForWord() {
        // The API's message field is what it was before the codes: clients that read it see no change.
        assertThat(Message.of(MessageCode.ERR_USERNAME_TAKEN, "ada").english())
                .isEqualTo("username: 'ada' is already taken.");
        assertThat(Message.of(MessageCode.ERR_ROSTER_NO_COLUMNS, "r.csv", List.of("a", "b")).english())
                .isEqualTo("r.csv: no column for the student id or the name in the header [a, b]. Name them e.g. "
                        + "\"student_id\" / \"学号\" and \"name\" / \"姓名\".");
        assertThat(Message.of(MessageCode.ERR_SCORE_ABOVE_MAX, 7.5, 5.0, "q1").english())
                .isEqualTo("score: 7.5 is more than the maximum 5.0 of q1.");
        assertThat(Message.of(MessageCode.ERR_BASE_URL, Message.of(MessageCode.BASE_URL_PRIVATE, "10.0.0.1"))
                .english()).startsWith("baseUrl: 10.0.0.1 is not a public internet address");
        assertThat(Message.of(MessageCode.V_NOT_BLANK, MessageCode.FIELD_NAME).render("zh")).isEqualTo("名称：不能为空");
        assertThat(Message.of(MessageCode.V_NOT_BLANK, MessageCode.FIELD_NAME).english())
                .isEqualTo("name: must not be blank");
    }

    @Test
    void aTextStoredBeforeCodesStillRenders() throws IOException {
        List<Message> old = json.readValue("[\"uncertain band\", {\"code\":\"review-blank\",\"args\":[]}]",
                new TypeReference<>() {
                });
        assertThat(old.get(0).code()).isEqualTo("text");
        assertThat(old.get(0).render("zh")).isEqualTo("uncertain band");
        assertThat(old.get(1).render("zh")).startsWith("本题未读到作答");
        Message back = json.readValue(json.writeValueAsString(Message.of(MessageCode.EV_RUBRIC, "3", "5")),
                Message.class);
        assertThat(back).isEqualTo(Message.of(MessageCode.EV_RUBRIC, "3", "5"));
        Evidence stored = json.readValue("{\"kind\":\"rubric\",\"summary\":\"Rubric: 3 of 5\",\"detail\":null}",
                Evidence.class);
        assertThat(stored.message()).isEqualTo(Message.text("Rubric: 3 of 5"));
        Evidence coded = new Evidence("rubric", Message.of(MessageCode.EV_RUBRIC, "3", "5"), null);
        assertThat(coded.summary()).isEqualTo("Rubric: 3 of 5");
        assertThat(coded.message().render("zh")).isEqualTo("评分细则：3 / 5");
        Evidence itemised = Evidence.itemised("rubric", Message.of(MessageCode.EV_RUBRIC, "3", "5"), List.of(
                Message.of(MessageCode.EVD_RUBRIC_INFERRED, "Method", "1", "2"), Message.of(
                        MessageCode.EVD_RUBRIC_LINE, "Result", "2", "3")));
        assertThat(itemised.detail()).isEqualTo("• Method: 1/2 (inferred)\n• Result: 2/3");
        assertThat(itemised.detailLines()).extracting(l -> l.render("zh")).containsExactly("• Method：1/2（推断）",
                "• Result：2/3");
        assertThat(stored.detailLines()).isEmpty();
        assertThat(new Evidence("sandbox", "Does not run", "Traceback: NameError").detailLines())
                .containsExactly(Message.text("Traceback: NameError"));
        // An error body from a server before codes still reads; one with a code renders in Chinese.
        ErrorBody oldBody = json.readValue("{\"error\":\"not_found\",\"message\":\"Task 'x' does not exist.\"}",
                ErrorBody.class);
        assertThat(oldBody.text().render("zh")).isEqualTo("Task 'x' does not exist.");
        ErrorBody coded404 = json.readValue(json.writeValueAsString(new ErrorBody("not_found", Message.of(
                MessageCode.ERR_NOT_FOUND, MessageCode.THING_TASK, "x"))), ErrorBody.class);
        assertThat(coded404.message()).isEqualTo("Task 'x' does not exist.");
        assertThat(coded404.text().render("zh")).isEqualTo("作业“x”不存在。");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
