package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.smartai.backend.student.SheetFlag;
import ai.smartai.backend.student.SheetFlag.Kind;
import ai.smartai.backend.testing.TestPostgres;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import org.flywaydb.core.Flyway;

class CodedFlagsMigrationTest {

    private static final String SCHEMA = "smartai_flags_migration";

    @Test
    void aFlagStoredBeforeCodesReadsTheSameWay() {
        // Written by an earlier build, word for word: its details come out in Chinese all the same.
        SheetFlag old = V83__coded_flags.read("duplicate-id: 2023001 is also in 2023001_li.txt (the same text)");
        assertThat(old).isEqualTo(SheetFlag.duplicateId("2023001", "2023001_li.txt", true));
        assertThat(old.message().render("zh")).isEqualTo("学号重复：2023001 也出现在 2023001_li.txt 中（内容相同）");
        assertThat(V83__coded_flags.read("unreadable-file: a.pdf: not a readable PDF (Header doesn't contain "
                + "versioninfo).")).isEqualTo(SheetFlag.unreadableFile(Message.of(MessageCode.DOC_PDF_UNREADABLE,
                        "a.pdf", "Header doesn't contain versioninfo")));
        assertThat(V83__coded_flags.read("identity-conflict: file name says 2023001, the answer sheet says 2023002"))
                .isEqualTo(SheetFlag.identityConflict("2023001", "2023002"));
    }

    @Test
    void anOldFlagWithoutDetailsIsItsKindAndWordsNoTextMatchesStayAsTheyWere() {
        assertThat(V83__coded_flags.read("unidentified")).isEqualTo(SheetFlag.of(Kind.UNIDENTIFIED));
        assertThat(V83__coded_flags.read("encoding-guessed")).isEqualTo(SheetFlag.of(Kind.ENCODING_GUESSED));
        SheetFlag odd = V83__coded_flags.read("duplicate-id: something else");
        assertThat(odd.kind()).isEqualTo(Kind.DUPLICATE_ID);
        assertThat(odd.text()).isEqualTo("duplicate-id: something else");
        assertThat(odd.message()).isEqualTo(Message.text("duplicate-id: something else"));
        assertThat(V83__coded_flags.read("from a build long gone").kind()).isEqualTo(Kind.OTHER);
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void rowsWrittenBeforeAreConvertedByTheMigration(String database) throws SQLException {
        String url;
        String user;
        if (database.equals("h2")) {
            url = "jdbc:h2:mem:coded_flags;DB_CLOSE_DELAY=-1";
            user = "sa";
        } else {
            assumeTrue(TestPostgres.answers(), "no PostgreSQL answers at " + TestPostgres.url());
            url = TestPostgres.url();
            user = TestPostgres.user();
        }
        Flyway before = flyway(url, user, "82");
        before.clean();
        before.migrate();
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            if (database.equals("postgresql")) {
                c.createStatement().execute("SET search_path TO " + SCHEMA);
            }
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO account (id, username, password_hash, role, created_at) VALUES "
                        + "('t', 'teacher', 'x', 'TEACHER', CURRENT_TIMESTAMP)");
            }
            insertTaskStudentAnswer(c);
        }
        flyway(url, user, null).migrate();
        try (Connection c = DriverManager.getConnection(url, user, "");
                Statement s = c.createStatement()) {
            if (database.equals("postgresql")) {
                s.execute("SET search_path TO " + SCHEMA);
            }
            SheetFlag.Stored column = new SheetFlag.Stored();
            try (ResultSet r = s.executeQuery("SELECT flags FROM student WHERE uid = 's1'")) {
                r.next();
                List<SheetFlag> flags = column.convertToEntityAttribute(r.getString(1));
                assertThat(flags).containsExactly(SheetFlag.identityConflict("2023001", "2023002"),
                        SheetFlag.of(Kind.UNMATCHED_TEXT));
                assertThat(flags.get(0).message().render("zh")).isEqualTo("身份冲突：文件名为 2023001，答卷上写的是 2023002");
            }
            try (ResultSet r = s.executeQuery("SELECT flags FROM answer WHERE uid = 'a1'")) {
                r.next();
                assertThat(column.convertToEntityAttribute(r.getString(1))).containsExactly(
                        SheetFlag.of(Kind.UNANSWERED));
            }
        }
    }

    private static void insertTaskStudentAnswer(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO task (id, owner_id, name, status, pass_threshold, created_at, updated_at) VALUES "
                    + "('k', 't', 'HW', 'READY', 0.6, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO student (uid, task_id, student_id, position, "
                + "source_file, identified_by, flags, unmatched_text, raw_text) VALUES ('s1', 'k', '2023002', 0, "
                + "'2023001.txt', 'CONTENT', ?, '', '')")) {
            p.setString(1, "[\"identity-conflict: file name says 2023001, the answer sheet says 2023002\","
                    + "\"unmatched-text\"]");
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO answer (uid, task_id, student_uid, problem_id, "
                + "text, flags, revision) VALUES ('a1', 'k', 's1', 'q1', '', ?, 0)")) {
            p.setString(1, "[\"unanswered\"]");
            p.executeUpdate();
        }
    }

    /** The application's migrations, found where Quarkus finds them; up to {@code target} when given. */
    private static Flyway flyway(String url, String user, String target) {
        var config = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration")
                .cleanDisabled(false);
        if (url.startsWith("jdbc:postgresql")) {
            config.schemas(SCHEMA);
        }
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }
}
