package ai.smartai.backend.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ai.smartai.backend.student.SheetFlag;
import ai.smartai.backend.student.SheetFlag.Kind;
import ai.smartai.model.student.IdentifiedBy;

class SubmissionParserTest {

    static final List<String> NINE = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "PB20111696_张三_作业2.txt       | PB20111696 | 张三",
            "2023002 李娜 homework3.txt      | 2023002    | 李娜",
            "王芳-2023003.md                 | 2023003    | 王芳",
            "2023008_孙强_hw3 (2).md         | 2023008    | 孙强",
            "PB20111696_张三作业2 - 副本.txt | PB20111696 | 张三",
            "2023004.pdf                     | 2023004    | ",
            "2023005_Emily_hw3.md            | 2023005    | Emily",
            "李思远+2022110012.md            | 2022110012 | 李思远",
            "电路作业3-2021300456-周婷.md     | 2021300456 | 周婷",
            "2023001_48213_90211_2023001_张伟_hw3.md                 | 2023001 | 张伟",
            "emily_late_48219_90217_hw3.md                          |         | ",
            "2023006_48214_90212_hw3.md                              | 2023006 | ",
            "张伟_48213_assignsubmission_file_/hw3.md                 |         | 张伟",
            "Emily Chen_48219_assignsubmission_file_/emily_hw3.md     |         | Emily Chen",
            "王芳_48215_assignsubmission_file_/王芳-2023003.md        | 2023003 | 王芳",
            "2311025_luis_garcia.txt                                 | 2311025 | Luis Garcia",
            "24001_Emma_Clarke_hw5.md                                | 24001   | Emma Clarke",
            "24010_Lucas_Mueller.java                                | 24010   | Lucas Mueller",
            "24006_EthanBrown_Hw5.java                               | 24006   | Ethan Brown",
            "24011_MiaJohnson.java                                   | 24011   | Mia Johnson",
            "2023001_ZhangSan_作业1.py                                | 2023001 | Zhang San",
            "24002_Liam_OConnor_Homework.java                        | 24002   | Liam OConnor",
            "24031_Ryan_McDonald_hw5.py                              | 24031   | Ryan McDonald",
            "24032_AnnaDeVries.java                                  | 24032   | Anna DeVries",
            "24021_王小明_作业5.py                                    | 24021   | 王小明",
            "20220455_homework.md                                    | 20220455 | ",
            "HW5 - Maria Garcia (20220455).txt                       | 20220455 | Maria Garcia",
            "马超-作业6.md                                            |          | 马超",
            "李娜 第3次作业.txt                                       |          | 李娜",
            "算法作业3-黄芳.pdf                                       |          | 黄芳",
            "王五 - 物理作业2.docx                                    |          | 王五",
            "离散数学第三次作业.md                                    |          | ",
            "2022013303陈晨.md                                       | 2022013303 | 陈晨",
            "张伟2022013301.md                                       | 2022013301 | 张伟",
            // Surname first, as LMS exports write it: a given name decides the order; none known, no guess.
            "Thompson_Ava_002186674.pdf                              | 002186674 | Ava Thompson",
            "Kim_Noah_002195522_hw3.sql                              | 002195522 | Noah Kim",
            "okafor_chidi.md                                         |          | Chidi Okafor",
            "hw5_daniel_kim.pdf                                      |          | Daniel Kim",
            "grace_liu.md                                            |          | Grace Liu",
            "Silva_Ana_physicsHW2.md                                 |          | Ana Silva",
            "chen_wei_hw4.pdf                                        |          | ",
            "hw3_final.pdf                                           |          | ",
            "submission_lab6.md                                      |          | " })
    void readsIdentityFromTheFileName(String file, String id, String name) {
        var identity = StudentIdentifier.fromFileName(file.strip());
        assertThat(identity.id()).isEqualTo(id == null ? null : id.strip());
        assertThat(identity.name()).isEqualTo(name == null ? null : name.strip());
    }

    /** A file saved again is named as a copy of the one before it: the copy is the later submission. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2023011232_林涛.md            | 0", "2023011232_林涛(1).md | 1", "2023011232_林涛（2）.md | 2",
            "作业5 - 副本.md               | 1", "作业5 - 副本 (2).md  | 3", "hw5_2023011205 (1).pdf | 1",
            "hw5_2023011205.pdf           | 0", "hw5 copy.md          | 1", "notes_copy2.txt        | 2" })
    void aCopysNameTellsHowManyTimesItWasSavedAgain(String file, int copies) {
        assertThat(StudentIdentifier.copyNumber(file.strip())).isEqualTo(copies);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "学号：2023004  姓名：刘洋              | 2023004    | 刘洋",
            "Name: Emily Chen    ID: 2023005        | 2023005    | Emily Chen",
            "# PB20111696 张三 第二次作业            | PB20111696 | 张三",
            "# 王芳 2023003                          | 2023003    | 王芳",
            "Student ID: AB123456, Name: Li Lei      | AB123456   | Li Lei",
            "**Name:** Maria Alvarez **Student ID:** 23010401 | 23010401 | Maria Alvarez",
            "kevin chen 23010412                     | 23010412   | Kevin Chen",
            "Omar Ahmed — 20220344                   | 20220344   | Omar Ahmed",
            "Priya Patel (ID 20220533)               | 20220533   | Priya Patel",
            "Soo-ah Kim  20220587                    | 20220587   | Soo-ah Kim",
            "\uFEFFChidi Okafor 20220378            | 20220378   | Chidi Okafor",
            "Sofia Diaz — 2311013 — STAT 2110 Homework 3 | 2311013 | Sofia Diaz",
            "Priya Gupta · 23010428                  | 23010428   | Priya Gupta",
            "— Tomás Herrera, 20231107               | 20231107   | Tomás Herrera",
            "**Name:** Zhang Wei 张伟 **ID:** 2022110014 | 2022110014 | 张伟",
            "Name: Wang Fang (王芳), ID: 2022110013    | 2022110013 | 王芳",
            "# CS2110 HW5 — Marcus Johnson (2023011207) | 2023011207 | Marcus Johnson",
            "Submitted by Ava Thompson (2023011212)   | 2023011212 | Ava Thompson",
            "# 作业6 — 赵敏 (Zhao Min), 学号 2023011206 | 2023011206 | 赵敏",
            "HW6 — 赵敏 (Zhao Min), ID 2023011206      | 2023011206 | 赵敏",
            "Wu Yifan 吴一凡, ID 2023011210            | 2023011210 | 吴一凡",
            "Kim Minjun 金敏俊, ID 2023011207          | 2023011207 | Kim Minjun",
            "// Omar Ahmed — 20220344                 | 20220344   | Omar Ahmed",
            "// 学号：2023004  姓名：刘洋              | 2023004    | 刘洋",
            "/* Name: Emily Chen    ID: 2023005 */    | 2023005    | Emily Chen",
            " * @author Priya Patel (ID 20220533)     | 20220533   | Priya Patel",
            "Name: EthanBrown, ID: 20220344           | 20220344   | Ethan Brown",
            "// ZhangSan 2023011205                   | 2023011205 | Zhang San",
            "## 算法作业3　马丽 2023210113             | 2023210113 | 马丽",
            "Homework 3 李四 2023210114               | 2023210114 | 李四",
            "——赵敏 2022013307                        | 2022013307 | 赵敏",
            "姓  名：张三    学  号：2023004            | 2023004    | 张三",
            "姓　名：迪丽热巴·迪力木拉提　学　号：2023011209 | 2023011209 | 迪丽热巴·迪力木拉提",
            "作者：王芳 2023003                        | 2023003    | 王芳",
            "Student: Jane Doe, ID 20231234           | 20231234   | Jane Doe",
            "ID 20231109, Tom Becker                  | 20231109   | Tom Becker",
            "学号 2022013310，郑浩                     | 2022013310 | 郑浩",
            "by 2023050108 (Omar Haddad)              | 2023050108 | Omar Haddad",
            "Daniel Okafor - 20231103   (v2 - forgot the unit in Q4, sorry) | 20231103 | Daniel Okafor" })
    void readsIdentityFromTheHeader(String line, String id, String name) {
        var identity = StudentIdentifier.fromHeader(List.of(line.strip()));
        assertThat(identity.id()).isEqualTo(id.strip());
        assertThat(identity.name()).isEqualTo(name.strip());
    }

    /** A table of labels over a table of values: each value is read under its label. */
    @Test
    void aHeaderTableIsReadAsLabelledValues() {
        var row = StudentIdentifier.fromHeader(List.of("# 离散数学作业3", "", "| 学号 | 2022013305 |  | 姓名 | 王磊 |",
                "|---|---|---|---|---|"));
        assertThat(row.id()).isEqualTo("2022013305");
        assertThat(row.name()).isEqualTo("王磊");
        var english = StudentIdentifier.fromHeader(List.of("| Name | Wei Chen | Student ID | 20231105 |"));
        assertThat(english.id()).isEqualTo("20231105");
        assertThat(english.name()).isEqualTo("Wei Chen");
        var identity = StudentIdentifier.fromHeader(List.of("# Lab 6", "", "| 姓名 | 学号 | 班级 |", "|---|---|---|",
                "| 陈晨 | 2023050104 | 计科2班 |", "", "P1"));
        assertThat(identity.id()).isEqualTo("2023050104");
        assertThat(identity.name()).isEqualTo("陈晨");
        assertThat(StudentIdentifier.fromHeader(List.of("| n | f(n) |", "|---|---|", "| 20231105 | 3 |")).name())
                .isNull();
    }

    /** Five digits are an id in a header only where the file's name gives that same number as the id. */
    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "24002_Liam_OConnor_Homework.java | // Liam O'Connor, 24002                      | 24002 | Liam O'Connor",
            "24010_Lucas_Mueller.md           | Lucas Müller, 24010                          | 24010 | Lucas Müller",
            "24006_EthanBrown_Hw5.java        | * @author Ethan Brown (24006)                | 24006 | Ethan Brown",
            "24011_MiaJohnson.java            | // Mia Johnson - 24011 - CS101 Homework 5    | 24011 | Mia Johnson",
            "24003_sofia_martinez.py          | # Homework 5 - Sofia Martinez, student no. 24003 | 24003 |",
            "24021_wangxiaoming.py            | # 学号：24021 姓名：王小明                     | 24021 | 王小明" })
    void aShortIdInTheHeaderCountsWhenTheFileNameGivesIt(String file, String line, String id, String name) {
        var fromFile = StudentIdentifier.fromFileName(file.strip());
        var identity = StudentIdentifier.fromHeader(List.of(line.strip()), fromFile);
        assertThat(identity.id()).isEqualTo(id.strip());
        assertThat(identity.name()).isEqualTo(name == null ? null : name.strip());
        assertThat(StudentIdentifier.fromHeader(List.of(line.strip())).id()).isNull();
        assertThat(StudentIdentifier.fromHeader(List.of(line.strip().replace(id.strip(), "24999")), fromFile).id())
                .isNull();
    }

    /**
     * "hwilson", "wilsonh", "harperw", "harperwilson": a login or a file's name writes the header's name short; a file
     * that names someone else ("lwang") leaves the line unbelieved.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "24015_hwilson.txt       | Harper Wilson | Harper Wilson",
            "24015_wilsonh.txt       | Harper Wilson | Harper Wilson",
            "24015_harperw.md        | Harper Wilson | Harper Wilson",
            "24015_harperwilson.md   | Harper Wilson | Harper Wilson",
            "24016_jmuller.md        | Jonas Müller  | Jonas Müller",
            "24016_jmueller.md       | Jonas Müller  | Jonas Müller",
            "24017_lwang.md          | Harper Wilson | ",
            // The file gives the id and no name, or the name short and no id: the sheet's opening line is the name
            // (the teachers of the corpus read it so: problemset6.pdf, MATH2400_PS6_20418120.pdf).
            "24018.md                | Harper Wilson | Harper Wilson",
            "hwilson.md              | Harper Wilson | Harper Wilson",
            "homework.md             | Harper Wilson | Harper Wilson" })
    void aNameAloneOnTheFirstLineCountsWhenTheFileNameWritesItShort(String file, String line, String name) {
        var identity = StudentIdentifier.fromHeader(List.of(line.strip(), "HW5"),
                StudentIdentifier.fromFileName(file.strip()));
        assertThat(identity.name()).isEqualTo(name == null ? null : name.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Name Funmilayo Adebayo/Student ID 20419377            | 20419377  | Funmilayo Adebayo",
            "Name: Emily Carter Student #: 903412657 Section: 002 | 903412657 | Emily Carter",
            "# PS6 — Liam O'Connor (20418899)                    | 20418899  | Liam O'Connor",
            "903455012 Liam O'Brien/COMP 3270 hw 4               | 903455012 | Liam O'Brien",
            "Lee, Marcus (903467730) — COMP 3270 Homework 4      | 903467730 | Marcus Lee",
            "20416204 / Núñez, José M./MATH 2400 — PS6           | 20416204  | José M. Núñez",
            "MATH 2400 PS6/Submitted by Rahul Kapoor, 20416671   | 20416671  | Rahul Kapoor",
            "{\\Large MATH 2400}\\\\/\\textbf{Minh Q. Tran}\\\\/20418345 | 20418345 | Minh Q. Tran",
            "Author: Chinedu A. Okafor/Student ID: 20417733       | 20417733  | Chinedu A. Okafor",
            "Jamal Washington COMP 3270 – Fall/ID 903420981      | 903420981 | Jamal Washington",
            "Sofia Esposito/MATH 2400/Problem Set 6              |           | Sofia Esposito",
            "Discrete Structures — Problem Set 6/Priya Raghunathan/Q1. | | Priya Raghunathan",
            "操作系统作业/郭静/① B                                 |           | 郭静",
            "大学物理 作业3/动量守恒                                 |           | " })
    void identitiesAsStudentsWriteThem(String header, String id, String name) {
        var identity = StudentIdentifier.fromHeader(List.of(header.strip().split("/(?=\\S)(?<!\\d /)")));
        assertThat(identity.id()).isEqualTo(id == null ? null : id.strip());
        assertThat(identity.name()).isEqualTo(name == null ? null : name.strip());
    }

    @Test
    void aNumberSignAndAShortProbNumberTheAnswers() {
        for (String sheet : List.of("#1 (a)\n\n#2 T, F, T\n\n#3 no idea\n",
                "# HW4\n\n### #1\nA, B, C\n\n### #2\n- (a) F\n\n### #3\n| vertex | s |\n",
                "Tyler Brooks 903470015\nProb 1\nA\nProb 2\nF, T, T, F\nProb 3\nran out of time\n")) {
            var s = SubmissionParser.parse("hw.md", sheet, List.of("1", "2", "3"));
            assertThat(s.flags()).as(sheet).doesNotContain(SheetFlag.of(Kind.UNSEGMENTED));
            assertThat(s.answers().get("2").text()).as(sheet).containsAnyOf("T, F", "(a) F");
        }
        // "# 1" with its space is a Markdown heading as before; "#1" inside a sentence numbers nothing.
        assertThat(Numbering.match(0, "Ranked #1 in the class")).isNull();
    }

    @Test
    void aNumberRightAfterTheEnumerationCommaIsTheAnswerNotADecimal() {
        var s = SubmissionParser.parse("2022301207_王梓轩.txt", "1、B\n\n2、B\n\n3、ABD\n\n4、10，9，8\n",
                List.of("1", "2", "3", "4"));
        assertThat(s.answers().get("3").text()).isEqualTo("ABD");
        assertThat(s.answers().get("4").text()).isEqualTo("10，9，8");
    }

    @Test
    void 连写的拼音姓名和驼峰写法分成两个词() {
        assertThat(StudentIdentifier.splitRunTogether("ZhangSan")).isEqualTo("Zhang San");
        assertThat(StudentIdentifier.splitRunTogether("OuYangXiu")).isEqualTo("Ou Yang Xiu");
        assertThat(StudentIdentifier.splitRunTogether("EthanBrown")).isEqualTo("Ethan Brown");
        assertThat(StudentIdentifier.splitRunTogether("Ryan MacArthur")).isEqualTo("Ryan MacArthur");
        assertThat(StudentIdentifier.splitRunTogether("LeBlanc")).isEqualTo("LeBlanc");
        assertThat(StudentIdentifier.splitRunTogether("张三")).isEqualTo("张三");
    }

    @Test
    void aNameAloneOnTheFirstLineCountsWhenTheSheetGivesAnId() {
        var identity = StudentIdentifier.fromHeader(List.of("Daniel Smith", "Student ID: 20220311", "MATH 1420 — HW5"));
        assertThat(identity.id()).isEqualTo("20220311");
        assertThat(identity.name()).isEqualTo("Daniel Smith");
        assertThat(StudentIdentifier.fromHeader(List.of("Calc II Homework", "Student ID: 20220311")).name()).isNull();
    }

    @Test
    void aNameLineUnderTheTitleCountsWhenTheSheetGivesAnId() {
        var identity = StudentIdentifier.fromHeader(List.of("Data Structures Homework 5", "Hannah Lee",
                "Student ID: 2023011208"));
        assertThat(identity.id()).isEqualTo("2023011208");
        assertThat(identity.name()).isEqualTo("Hannah Lee");
    }

    @Test
    void 中英两种写法的姓名在没有学号时也读出() {
        var s = SubmissionParser.parse("wu_yifan_2023011210.md", "Wu Yifan 吴一凡 — HW 6\n\n1. B\n\n2. 8\n",
                List.of("1", "2"));
        assertThat(s.studentId()).isEqualTo("2023011210");
        assertThat(s.name()).isEqualTo("吴一凡");
    }

    /** A PDF whose answers are a two-column table: the head "Problem Answer", then one row per problem. */
    @Test
    void answersInATableUnderItsHeadAreSplitByTheRowsNumbers() {
        var s = SubmissionParser.parse("hw5.pdf", """
                Name: Liam O'Brien Student ID: 2023011204
                Problem Answer
                1 C — O(n)
                2 A, B, D
                3 (a) height = 6
                (b) 3 swaps
                4 def f(a):
                    return 2 * len(a)
                """, List.of("1", "2", "3", "4"));
        assertThat(s.answers().get("1").text()).isEqualTo("C — O(n)");
        assertThat(s.answers().get("3").text()).isEqualTo("(a) height = 6\n(b) 3 swaps");
        assertThat(s.answers().get("4").text()).contains("return 2 * len(a)");
        assertThat(s.flags()).isEmpty();
    }

    @Test
    void 表格作答按表头下每行的题号切分() {
        var s = SubmissionParser.parse("作业5.md", """
                | 题号 | 答案 |
                |---|---|
                | 1 | B |
                | 2 | 归并排序 |
                | 3 | 3 次交换 |
                """, List.of("1", "2", "3"));
        assertThat(s.answers().get("1").text()).isEqualTo("B");
        assertThat(s.answers().get("2").text()).isEqualTo("归并排序");
        assertThat(s.answers().get("3").text()).isEqualTo("3 次交换");
    }

    @Test
    void anIdAnywhereInTheFileNameIsRead() {
        assertThat(StudentIdentifier.fromFileName("HW5 - Maria Garcia (20220455).txt").id()).isEqualTo("20220455");
    }

    @Test
    void theContentWinsOverTheFileNameAndTheConflictIsFlagged() {
        var s = SubmissionParser.parse("2023009_周婷_hw3.md", "# 2023010 周婷\n\n## 1.\nB", NINE);
        assertThat(s.studentId()).isEqualTo("2023010");
        assertThat(s.identifiedBy()).isEqualTo(IdentifiedBy.CONTENT);
        assertThat(s.flags()).anyMatch(f -> f.is(Kind.IDENTITY_CONFLICT) && f.details().args().contains("2023009"));
    }

    @Test
    void answersOutOfOrderAndSkippedProblemsArePlacedByNumber() {
        var s = SubmissionParser.parse("王芳-2023003.md", "# 王芳 2023003\n## 1.\nB\n## 3.\nthree\n## 2.\nA\n", NINE);
        assertThat(s.answers().get("3").text()).isEqualTo("three");
        assertThat(s.answers().get("2").text()).isEqualTo("A");
        assertThat(s.answers().get("8").text()).isEmpty();
        assertThat(s.answers().get("8").flags()).containsExactly(SheetFlag.of(Kind.UNANSWERED));
        assertThat(s.identifiedBy()).isEqualTo(IdentifiedBy.CONTENT);
    }

    @Test
    void keepsEachAnswerExactly() {
        String code = "```python\ndef f(n):\n    # 1. base case\n    return n\n```";
        var s = SubmissionParser.parse("PB001_张三.md", "## 1.\nA\n\n## 6.\n" + code + "\n\n## 7.\n1. 第一次握手\n2. 第二次握手\n",
                NINE);
        assertThat(s.answers().get("6").text()).isEqualTo(code);
        assertThat(s.answers().get("7").text()).isEqualTo("1. 第一次握手\n2. 第二次握手");
    }

    @Test
    void textThatMatchesNoProblemIsKeptAndFlagged() {
        var s = SubmissionParser.parse("PB001_张三.md", "Q1: B\nQ12: I also did the bonus!\n", NINE);
        assertThat(s.unmatchedText()).contains("Q12").contains("bonus");
        assertThat(s.flags()).contains(SheetFlag.of(Kind.UNMATCHED_TEXT));
    }

    @Test
    void aSheetWithoutNumberingIsKeptWhole() {
        var s = SubmissionParser.parse("PB001_张三.txt", "I answered everything in one paragraph.", NINE);
        assertThat(s.flags()).contains(SheetFlag.of(Kind.UNSEGMENTED));
        assertThat(s.unmatchedText()).isEqualTo("I answered everything in one paragraph.");
        assertThat(s.answers().values()).allMatch(a -> a.flags().contains(SheetFlag.of(Kind.NOT_FOUND)));
    }

    @Test
    void answerNumberingSegments() {
        var s = SubmissionParser.parse("2023001_Li_Lei.md", "Answer 1. B\n\nAnswer 2.\nx = 2\n\nAnswer 3. n+1\n",
                List.of("1", "2", "3"));
        assertThat(s.flags()).doesNotContain(SheetFlag.of(Kind.UNSEGMENTED), SheetFlag.of(Kind.UNMATCHED_TEXT));
        assertThat(s.answers().get("1").text()).isEqualTo("B");
        assertThat(s.answers().get("2").text()).isEqualTo("x = 2");
        assertThat(s.answers().get("3").text()).isEqualTo("n+1");
    }

    @Test
    void problemsWithoutAMatchedAnswerOnASheetWithUnplacedTextAreNotFoundRatherThanBlank() {
        var s = SubmissionParser.parse("2023001_Li_Lei.md", "Q1: B\nQ12: the second answer, misnumbered\n",
                List.of("1", "2", "3"));
        assertThat(s.answers().get("1").flags()).isEmpty();
        assertThat(s.answers().get("2").flags()).containsExactly(SheetFlag.of(Kind.NOT_FOUND));
        assertThat(s.answers().get("3").flags()).containsExactly(SheetFlag.of(Kind.NOT_FOUND));
        assertThat(s.unmatchedText()).contains("misnumbered");
    }

    @Test
    void aSheetThatHoldsNothingMoreLeavesTrueBlanks() {
        var s = SubmissionParser.parse("2023001_Li_Lei.md", "Q1: B\nQ3: 42\n", List.of("1", "2", "3"));
        assertThat(s.answers().get("2").flags()).containsExactly(SheetFlag.of(Kind.UNANSWERED));
    }

    @Test
    void unnumberedAnswersSeparatedByBlankLinesAreTakenInOrder() {
        String sheet = "姓名：李雷  学号：2023001\n\nB\n\n$x = 2$ 和 $x = 3$\n\n```python\ndef f(n):\n\n    return n\n```\n";
        var s = SubmissionParser.parse("hw.md", sheet, List.of("1", "2", "3"));
        assertThat(s.studentId()).isEqualTo("2023001");
        assertThat(s.flags()).doesNotContain(SheetFlag.of(Kind.UNSEGMENTED));
        assertThat(s.answers().get("1").text()).isEqualTo("B");
        assertThat(s.answers().get("2").text()).isEqualTo("$x = 2$ 和 $x = 3$");
        assertThat(s.answers().get("3").text()).startsWith("```python").endsWith("```");
    }

    @Test
    void unnumberedParagraphsThatDoNotMatchTheProblemCountStayUnsegmented() {
        var s = SubmissionParser.parse("2023001.md", "B\n\nx = 2\n", List.of("1", "2", "3"));
        assertThat(s.flags()).contains(SheetFlag.of(Kind.UNSEGMENTED));
        assertThat(s.answers().values()).allMatch(a -> a.flags().contains(SheetFlag.of(Kind.NOT_FOUND)));
    }

    @Test
    void sectionTitlesOnASheetBelongToNoAnswer() {
        var s = SubmissionParser.parse("2023001.md", "一、选择题\n1. B\n2. C\n二、计算题\n3. 42\n", List.of("1", "2", "3"));
        assertThat(s.answers().get("2").text()).isEqualTo("C");
        assertThat(s.answers().get("3").text()).isEqualTo("42");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "1. (B) 2.1\n\n2a) 0.059\n2b) 0.161\n\n3a) 1.5\n3b) 0.65\n",
            "1、B\n2a. 0.5 m/s\n2b. 3 N\n3a. 12 J\n3b. 6 W\n" })
    void aProblemNumberedByItsFirstSubPartStartsThere(String sheet) {
        var s = SubmissionParser.parse("2023001_Li_Lei.md", sheet, List.of("1", "2", "3"));
        assertThat(s.flags()).doesNotContain(SheetFlag.of(Kind.UNSEGMENTED), SheetFlag.of(Kind.UNMATCHED_TEXT));
        assertThat(s.answers().get("1").text()).contains("B");
        assertThat(s.answers().get("2").text()).contains("2b").doesNotContain("3a");
        assertThat(s.answers().get("3").text()).contains("3b");
    }

    @Test
    void aListInsideAnAnswerDoesNotFillAMissingProblem() {
        String sheet = "1) B\n\n2) steps:\n1. expand\n2. collect\n3. solve\n\n4) 42\n\n5) 7\n";
        var s = SubmissionParser.parse("2023001.md", sheet, List.of("1", "2", "3", "4", "5"));
        assertThat(s.answers().get("2").text()).contains("3. solve");
        assertThat(s.answers().get("3").text()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "一、选择题\n1. B C D\n二、计算题\n1.（1）20 m/s\n2. 3.4 N\n三、简答题\n1. 动量定理\n",
            "Part A: Multiple choice\n1) B\nPart B: Calculations\n1) 20 m/s\n2) 3.4 N\nPart C: Concepts\n1) impulse\n" })
    void answersNumberedAgainUnderEachSectionFollowTheProblemSet(String sheet) {
        var s = SubmissionParser.parse("2023001.md", sheet, List.of("1", "2", "3", "4"));
        assertThat(s.flags()).doesNotContain(SheetFlag.of(Kind.UNSEGMENTED), SheetFlag.of(Kind.UNMATCHED_TEXT));
        assertThat(s.answers().get("1").text()).contains("B");
        assertThat(s.answers().get("2").text()).contains("20 m/s");
        assertThat(s.answers().get("3").text()).isEqualTo("3.4 N");
        assertThat(s.answers().get("4").text()).containsAnyOf("动量定理", "impulse");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Anna Kowalski 2311042\nhomework 3\n\nB and C\n\n(a) 0.0095\n(b) 0.95\n\nmean = 1.5\n",
            "李娜 2023002\n大学物理 作业3\n\nB\n\nv = 20 m/s\n\n动量守恒\n" })
    void aTitleOverUnnumberedAnswersIsNoAnswer(String sheet) {
        var s = SubmissionParser.parse("hw.txt", sheet, List.of("1", "2", "3"));
        assertThat(s.flags()).doesNotContain(SheetFlag.of(Kind.UNSEGMENTED));
        assertThat(s.answers().get("1").text()).startsWith("B");
        assertThat(s.answers().get("3").text()).containsAnyOf("mean = 1.5", "动量守恒");
    }

    @Test
    void aStudentNumberAloneUnderTheNameIsRead() {
        var s = SubmissionParser.parse("23010423_fischer.txt", "Lukas Fischer\n23010423\n\nQ1\nx = 2\n", List.of("1"));
        assertThat(s.studentId()).isEqualTo("23010423");
        assertThat(s.name()).isEqualTo("Lukas Fischer");
        assertThat(s.identifiedBy()).isEqualTo(IdentifiedBy.CONTENT);
    }

    @Test
    void aSignatureUnderUnnumberedAnswersIsNoAnswer() {
        String sheet = "B\n\n$x = 2$\n\nrank 2\n\n— Lan Nguyen, 20231104\n";
        var s = SubmissionParser.parse("nguyen_thi_lan_20231104.md", sheet, List.of("1", "2", "3"));
        assertThat(s.flags()).doesNotContain(SheetFlag.of(Kind.UNSEGMENTED));
        assertThat(s.answers().get("3").text()).isEqualTo("rank 2");
        assertThat(s.studentId()).isEqualTo("20231104");
        assertThat(s.name()).isEqualTo("Lan Nguyen");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Answer 1. B\n\nAnswer 2. 0.059\n\nAnswer 3. 0.161\n\nAnswer 4. 1.5\n\nAnswer 5. 0.65\n",
            "第1题 B\n第2题 20 m/s\n第3题 50 m\n第4题 3.4 N\n第5题 6.4 m/s\n" })
    void aSheetNumberingEverySubPartIsCountedBackOntoTheProblems(String sheet) {
        var s = SubmissionParser.parse("2023001.md", sheet, List.of("1", "2", "3"), Map.of("1", 0, "2", 2, "3", 2));
        assertThat(s.flags()).doesNotContain(SheetFlag.of(Kind.UNMATCHED_TEXT));
        assertThat(s.answers().get("1").text()).isEqualTo("B");
        assertThat(s.answers().get("2").text()).containsAnyOf("0.161", "50 m").doesNotContain("1.5", "3.4");
        assertThat(s.answers().get("3").text()).containsAnyOf("0.65", "6.4 m/s");
    }

    @Test
    void aSheetNumberedByProblemIsNotCountedBySubPart() {
        var s = SubmissionParser.parse("2023001.md", "1. B\n2. 0.059 and 0.161\n3. 1.5, 0.65\n", List.of("1", "2", "3"),
                Map.of("1", 0, "2", 2, "3", 2));
        assertThat(s.answers().get("2").text()).isEqualTo("0.059 and 0.161");
        assertThat(s.answers().get("3").text()).isEqualTo("1.5, 0.65");
    }

    @Test
    void anIdentityOnlyOnTheLastLineIsRead() {
        var s = SubmissionParser.parse("hw3.md", "1. B\n2. C\n\n学号：2023007 姓名：陈晨\n", List.of("1", "2"));
        assertThat(s.studentId()).isEqualTo("2023007");
        assertThat(s.name()).isEqualTo("陈晨");
    }

    @Test
    void anUnknownStudentIsFlagged() {
        var s = SubmissionParser.parse("homework.md", "## 1.\nB", NINE);
        assertThat(s.studentId()).isNull();
        assertThat(s.flags()).contains(SheetFlag.of(Kind.UNIDENTIFIED));
    }

    /** A Java file: answers marked in // comments, a Python answer kept in a block comment, prose in comments. */
    @Test
    void aJavaFileIsSplitAtTheCommentsThatMarkItsAnswers() {
        var s = SubmissionParser.parse("24002_Liam_OConnor_Homework.java", """
                // Liam O'Connor, 24002
                public class Homework {

                    // Problem 1
                    public static int countVowels(String s) {
                        return s.replaceAll("[^aeiou]", "").length();
                    }
                }

                /* Problem 2 (Python)

                def median(xs):
                    return sorted(xs)[len(xs) // 2]
                */

                // Problem 3
                /*
                def rle(s):
                    return s
                */

                // Problem 4
                // return gives the value back to the caller.

                /* Answer 5: C */
                """, List.of("1", "2", "3", "4", "5"));
        assertThat(s.studentId()).isEqualTo("24002");
        assertThat(s.name()).isEqualTo("Liam O'Connor");
        assertThat(s.answers().get("1").text()).startsWith("    public static int countVowels").endsWith("}\n}");
        // The comment's marks and the language named on the heading are no part of the answer.
        assertThat(s.answers().get("2").text()).isEqualTo("def median(xs):\n    return sorted(xs)[len(xs) // 2]");
        assertThat(s.answers().get("3").text()).isEqualTo("def rle(s):\n    return s");
        assertThat(s.answers().get("4").text()).isEqualTo("// return gives the value back to the caller.");
        assertThat(s.answers().get("5").text()).isEqualTo("C");
        assertThat(s.flags()).isEmpty();
    }

    @Test
    void 代码注释里标出的题号切分源文件() {
        var s = SubmissionParser.parse("2023011205_张三.py", """
                # 张三 2023011205

                # 题目1
                def f(n):
                    # 1. 先处理边界
                    return 1

                # --- 第2题 ---
                JAVA = "static int g() { return 2; }"

                # 第3题 (Java)
                # static int h() { return 3; }
                """, List.of("1", "2", "3"));
        assertThat(s.name()).isEqualTo("张三");
        assertThat(s.answers().get("1").text()).isEqualTo("def f(n):\n    # 1. 先处理边界\n    return 1");
        assertThat(s.answers().get("2").text()).isEqualTo("JAVA = \"static int g() { return 2; }\"");
        assertThat(s.answers().get("3").text()).isEqualTo("# static int h() { return 3; }");
    }

    @Test
    void aCommentThatBelongsToTheCodeStaysInTheAnswer() {
        assertThat(SubmissionParser.outsideComment(List.of("/*", " * helper", " */", "int f() { return 1; }")))
                .isEqualTo("/*\n * helper\n */\nint f() { return 1; }");
        assertThat(SubmissionParser.outsideComment(List.of("/* a */", "int f();", "*/")))
                .isEqualTo("/* a */\nint f();\n*/");
        assertThat(SubmissionParser.outsideComment(List.of("", "/*", "x = 1", "*/", ""))).isEqualTo("x = 1");
    }

    /** A sheet answered in order without numbers, under a header whose short id the file's name confirms. */
    @Test
    void unnumberedAnswersUnderAHeaderWithAShortIdAreTakenInOrder() {
        var s = SubmissionParser.parse("24008_mason_kim.txt", "Mason Kim 24008\n\nint a;\n\ndef b(): pass\n\nB\n",
                List.of("1", "2", "3"));
        assertThat(s.studentId()).isEqualTo("24008");
        assertThat(s.answers().get("1").text()).isEqualTo("int a;");
        assertThat(s.answers().get("3").text()).isEqualTo("B");
    }

    /** "二、3. 512个" numbers the problem after its section; "**1** B" sets the number in bold, the answer after it. */
    @Test
    void sectionThenProblemNumbersAndBoldNumbersWithTheAnswerSplitTheSheet() {
        var sections = SubmissionParser.parse("作业3.md", "# 作业3\n\n一、1. 选 B\n\n一、2. A、C\n\n二、3. 512个，64个\n",
                List.of("1", "2", "3"));
        assertThat(sections.answers().get("1").text()).isEqualTo("选 B");
        assertThat(sections.answers().get("3").text()).isEqualTo("512个，64个");
        var bold = SubmissionParser.parse("周婷.md", "**1** B\n\n**2** AD\n\n**3** 证明：① $n=1$ 时成立。\n② 假设 $n=k$ 时成立。\n",
                List.of("1", "2", "3"));
        assertThat(bold.answers().get("1").text()).isEqualTo("B");
        assertThat(bold.answers().get("3").text()).contains("① $n=1$", "② 假设");
    }

    /** A lab's title line above answers in order, with no numbers, is no answer. */
    @Test
    void aLabTitleAboveUnnumberedAnswersIsNotTheFirstAnswer() {
        var sheet = SubmissionParser.parse("submission_lab6.md", "Java Programming Lab 6\n\nreturn a;\n\nreturn b;\n\n"
                + "Priya Nair 2023050106\n", List.of("1", "2"));
        assertThat(sheet.answers().get("1").text()).isEqualTo("return a;");
        assertThat(sheet.answers().get("2").text()).isEqualTo("return b;");
        assertThat(sheet.studentId()).isEqualTo("2023050106");
    }

    /** "答1：B" and "【3】ABD" number the answers; "答2次" is an answer, not a heading. */
    @Test
    void answerMarksAndLenticularBracketsNumberTheAnswers() {
        var da = SubmissionParser.parse("2022301236+马晓东.txt", "马晓东  计科2班\n\n答1：B\n答2：答2次\n答3：ABD\n",
                List.of("1", "2", "3"));
        assertThat(da.answers().get("1").text()).isEqualTo("B");
        assertThat(da.answers().get("2").text()).isEqualTo("答2次");
        assertThat(da.answers().get("3").text()).isEqualTo("ABD");
        var brackets = SubmissionParser.parse("zhaoyiming.txt", "【1】B\n【3】ABD\n【2】C\n", List.of("1", "2", "3"));
        assertThat(brackets.answers().get("2").text()).isEqualTo("C");
        assertThat(brackets.answers().get("3").text()).isEqualTo("ABD");
    }

    /** "1  A", "2a  F" (problem 2 from its first part) and "3" alone: a sheet numbered without marks. */
    @Test
    void numbersWithoutMarksAndFirstPartsSplitASheetAsTheKeyCounts() {
        var s = SubmissionParser.parse("Schmidt_HW4.txt", "COMP 3270 HW4\n1  A, B and C are true.\n2a  F\n2b  T\n"
                + "3\n1  sort V\n2  relax each edge\n", List.of("1", "2", "3"));
        assertThat(s.answers().get("1").text()).isEqualTo("A, B and C are true.");
        assertThat(s.answers().get("2").text()).isEqualTo("a  F\n2b  T");
        assertThat(s.answers().get("3").text()).isEqualTo("1  sort V\n2  relax each edge");
    }

    /** Unnumbered answers, a paragraph each, the last holding a numbered list, and a signature under them. */
    @Test
    void aNumberedListInsideTheLastUnnumberedAnswerStaysInIt() {
        var s = SubmissionParser.parse("作业5-孙雨萱-2022301229.md", "操作系统 作业五\n\nB\n\nABDE\n\n死锁的四个必要条件：\n"
                + "1. 互斥\n2. 请求与保持\n\n—— 孙雨萱\n", List.of("1", "2", "3"));
        assertThat(s.answers().get("1").text()).isEqualTo("B");
        assertThat(s.answers().get("2").text()).isEqualTo("ABDE");
        assertThat(s.answers().get("3").text()).startsWith("死锁的四个必要条件：").contains("2. 请求与保持")
                .doesNotContain("孙雨萱");
    }

    /** Answers between horizontal rules, with blank lines inside them, are taken in order. */
    @Test
    void answersBetweenRulesAreTakenInOrder() {
        var s = SubmissionParser.parse("ps6_answers_rk.txt", "MATH 2400 -- Problem Set 6\n\nb\n\n-----\n\n"
                + "T, F\n\nsecond part: not equivalent\n\n-----\n\n210\n", List.of("1", "2", "3"));
        assertThat(s.answers().get("1").text()).isEqualTo("b");
        assertThat(s.answers().get("2").text()).isEqualTo("T, F\n\nsecond part: not equivalent");
        assertThat(s.answers().get("3").text()).isEqualTo("210");
    }

    /** "Student Farid Haddad", "Lucas Wang / 002192240", and a name signed alone under the answers ("—— 冯浩"). */
    @Test
    void moreIdentityLinesAreRead() {
        var labelled = SubmissionParser.parse("HW5-22031125-Haddad.pdf", "Student Farid Haddad\nID 22031125\n"
                + "Q1\nW = 3 kJ\n", List.of("1"));
        assertThat(labelled.name()).isEqualTo("Farid Haddad");
        assertThat(labelled.studentId()).isEqualTo("22031125");
        var slash = SubmissionParser.parse("wang_lucas.docx", "Lucas Wang / 002192240\nDatabase Systems Homework 3\n"
                + "1\nselect 1\n", List.of("1"));
        assertThat(slash.name()).isEqualTo("Lucas Wang");
        assertThat(slash.studentId()).isEqualTo("002192240");
        var signed = SubmissionParser.parse("2022110111.md", "**第一题**\n\n原码 1010 1101B\n\n—— 冯浩\n",
                List.of("1"));
        assertThat(signed.name()).isEqualTo("冯浩");
        assertThat(signed.studentId()).isEqualTo("2022110111");
    }
}
