package ai.smartai.backend.ingest.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a student's id and name from the file name ({@code <id>_<name>_…}, {@code <id> <name> …},
 * {@code <name>-<id>}) and from the answer sheet's header ({@code 学号：… 姓名：…}, {@code Name: … ID: …},
 * {@code # PB20111696 张三 …}).
 */
public final class StudentIdentifier {

    /** What one source said; either part may be missing. */
    public record Identity(String id, String name) {
        boolean isEmpty() {
            return id == null && name == null;
        }
    }

    static final String ID = "(?:[A-Za-z]{1,4}\\d{5,12}|\\d{6,12})";
    /**
     * At the start of a file's name, before a name ("24001_Emma_Clarke_hw5.md"), five digits are an id too: small
     * courses number students so. Not in a sheet's text, where five digits are as often a year and term or a result.
     */
    static final String FILE_ID = "(?:[A-Za-z]{1,4}\\d{5,12}|\\d{5,12})";
    /** "张三", "欧阳娜娜", and a name in a minority's form with its dot: "迪丽热巴·迪力木拉提". */
    private static final String CN_NAME = "(?:\\p{IsHan}{1,8}·\\p{IsHan}{1,10}|[\\p{IsHan}·]{2,5})";
    /** "Liam", "O'Connor", "Li-Moreau". */
    private static final String LATIN_WORD = "[A-Z](?:['’][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?";
    /** "Wei Chen", "Liam O'Connor", "Minh Q. Tran". */
    private static final String LATIN_NAME = LATIN_WORD + "(?:[ _](?:[A-Z]\\.[ _])?" + LATIN_WORD + "){0,2}";
    /**
     * "2311025_luis_garcia": file names are often written in lower case; "24006_EthanBrown", "Liam_OConnor": the
     * words of a name run together, and an apostrophe left out.
     */
    private static final String FILE_LATIN_WORD = "(?:[A-Z][a-z]+(?:[A-Z][a-z]+){1,2}|O[A-Z][a-z]+|[A-Za-z][a-z]+)";
    private static final String FILE_LATIN_NAME = FILE_LATIN_WORD + "(?:[ _]" + FILE_LATIN_WORD + "){0,2}";
    private static final Pattern COPY_NUMBER = Pattern.compile("(\\d+)[)）]?\\s*$");
    private static final Pattern COPY_SUFFIX = Pattern.compile(
            "(\\s*[(（]\\d{1,2}[)）]|\\s*-\\s*副本(\\s*[(（]\\d+[)）])?|\\s*-\\s*copy|_copy\\d*|\\s+copy)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HOMEWORK_WORDS = Pattern.compile(
            "(第[一二三四五六七八九十\\d]+次)?(作业|作業|答案|答卷|实验报告|报告)\\d*");
    /** "2022013303陈晨", "张伟2022013301": digits and Chinese need nothing between them. */
    private static final Pattern FILE_ID_NAME = Pattern
            .compile("^(" + FILE_ID + ")(?:[\\s_\\-—+]+|(?=\\p{IsHan}))(" + CN_NAME + "|"
                    + FILE_LATIN_NAME + ")(?=$|[\\s_\\-—.(（+]|\\p{IsHan})");
    private static final Pattern FILE_NAME_ID = Pattern
            .compile("^(" + CN_NAME + "|" + LATIN_NAME + ")(?:[\\s_\\-—+]+|(?<=\\p{IsHan})(?=\\d))(" + ID
                    + ")(?=$|[\\s_\\-—.(（+])");
    /** "电路作业3-2021300456-周婷": a name after the id is the student's; the one before was the course. */
    private static final Pattern NAME_AFTER_ID = Pattern.compile("^[\\s_\\-—+]+(" + CN_NAME + ")(?=$|[\\s_\\-—.(（+])");
    /** Words that stand where a name would and are not one. */
    private static final Pattern NOT_A_CN_NAME = Pattern.compile("(学号|姓名|名字|班级|专业|学院|答案|题目|课程|作业)");
    /** A course's words, found in titles where a name would stand ("离散数学第三次作业" is no student's name). */
    private static final Pattern COURSE_WORD = Pattern.compile("(数学|物理|化学|电路|算法|程序|编程|代数|概率|统计|力学|离散|"
            + "积分|实验|网络|系统|数据|结构|电子|信号|编译|原理|英语|习题|练习|课程|作业|期中|期末)");
    private static final Pattern CANVAS_FILE = Pattern.compile(
            "^([A-Za-z0-9.@\\-]+?)(?:_late|_LATE)?_(\\d{2,})_(\\d{2,})_(.+)$");
    private static final Pattern MOODLE_FOLDER = Pattern.compile(
            "^(.+?)_(\\d+)_assign(?:submission|feedback)_[a-z]+_?$");
    private static final Pattern FILE_ID_ONLY = Pattern.compile("^(" + ID + ")(?=$|[\\s_\\-—.(（])");

    private static final Pattern HEAD_NAME_CN = Pattern
            .compile("(?:姓[\\s\u3000]*名|名字|作者|提交人)\\s*[:：]?\\s*(" + CN_NAME + "|"
                    + LATIN_NAME + ")");
    /**
     * "Name: Jane Doe", "Author: Chinedu A. Okafor", "Submitted by Rahul Kapoor", "Name Funmilayo Adebayo", "Student
     * Farid Haddad".
     */
    private static final Pattern HEAD_NAME_EN = Pattern
            .compile(
                    "(?:(?i:name|student|author)\\s*[:：]|(?i:submitted by|prepared by|written by)\\s*[:：]?|^(?i:name)\\s|^(?i:student)\\s+(?!(?i:id|no|number)\\b))"
                            + "\\s*(" + CN_NAME + "|"
                            + "[A-Z][a-zA-Z'’\\-]+(?: (?:[A-Z]\\. )?[A-Z][a-zA-Z'’\\-]+){0,3})");
    /** "Núñez, José M." or "Lee, Marcus" beside an id: the surname first, then a comma. */
    private static final String UNICODE_WORD = "\\p{Lu}[\\p{Ll}'’]*(?:['’-]\\p{Lu})?[\\p{Ll}]+";
    private static final Pattern SURNAME_FIRST = Pattern.compile("(?:^|^(" + ID + ")\\s*[/|,—–-]?\\s*)(" + UNICODE_WORD
            + "),\\s*(" + UNICODE_WORD + "(?:\\s\\p{Lu}\\.)?)\\s*(?:[(（]\\s*(" + ID + ")\\s*[)）])?");
    private static final Pattern ID_AFTER_NAME = Pattern.compile("[\\s,，(（]*([A-Za-z]{0,4}\\d{5,12})[)）]?\\s*");
    /** What may follow a labelled id on its line: ", Tom Becker", "，王磊", " / Anna Schmidt". */
    private static final Pattern NAME_AFTER_LABELLED_ID = Pattern.compile("\\s*[,，;；/|—–\\-]\\s*("
            + "\\p{IsLatin}[\\p{IsLatin}'\\-]+(?:\\s+\\p{IsLatin}[\\p{IsLatin}'\\-]+){1,2}|" + CN_NAME
            + ")\\s*[.。]?\\s*");
    private static final Pattern HAN_AFTER = Pattern.compile("\\s*[(（]?(" + CN_NAME + ")(?![\\p{IsHan}])");

    /** "Tomás Herrera", "kevin chen", and words run together: "EthanBrown". */
    private static final String HEAD_LATIN_NAME = "\\p{IsLatin}[\\p{IsLatin}'\\-]+(?:\\s+\\p{IsLatin}[\\p{IsLatin}'\\-]+){1,2}"
            + "|(?-i:[A-Z][a-z]+(?:[A-Z][a-z]+){1,2})";

    /** The header's patterns that hold an id, for the ids a sheet's text may give. */
    private record HeaderPatterns(Pattern labelledId, Pattern idName, Pattern nameId, Pattern titledNameId,
            Pattern latinNameId, Pattern nameBracketId, Pattern idBracketName, Pattern idAlone) {

        static final HeaderPatterns DEFAULT = new HeaderPatterns(ID);

        HeaderPatterns(String id) {
            this(Pattern.compile(
                    "(?:学[\\s\u3000]*号|學[\\s\u3000]*號|student\\s*(?:id|no\\.?|number|#)|\\bid|\\bno\\.)\\s*[:：#]?\\s*("
                            + id + ")",
                    Pattern.CASE_INSENSITIVE),
                    Pattern.compile("^#*\\s*(" + id + ")[\\s_\\-—]+(" + CN_NAME + "|" + LATIN_NAME
                            + ")(?=$|\\s|[_\\-—(（])"),
                    // "——赵敏 2022013307": a signature's dashes before the name.
                    Pattern.compile("^[#—–\\-\\s]*(" + CN_NAME + ")[\\s_\\-—]+(" + id + ")(?=$|\\s)"),
                    // "## 算法作业3　马丽 2023210113": the name and id close a title, the name set off by a space.
                    Pattern.compile("[\\s\u3000](" + CN_NAME + ")[\\s\u3000_\\-—]+(" + id + ")\\s*$"),
                    // "kevin chen 23010412", "Omar Ahmed — 20220344", "Lucas Wang / 002192240", "Priya Patel (ID
                    // 20220533)", a signature
                    // "— Tomás Herrera, 20231107", "EthanBrown 24006": a Latin name, then the id; the course may
                    // follow after a dash or a bar ("Sofia Diaz — 2311013 — STAT 2110 Homework 3").
                    Pattern.compile("^[#—–\\-\\s]*(" + HEAD_LATIN_NAME + ")\\s*[-—–,，(（:：·|/]*\\s*"
                            + "(?:(?:student\\s*)?(?:id|no\\.?|number)\\s*[:：#]?\\s*)?(" + id + ")\\s*[)）]?"
                            + "(?:\\s+[—–|·]\\s.*|\\s+-\\s.*|\\s+[(（][^)）]*[)）])?\\s*$", Pattern.CASE_INSENSITIVE),
                    Pattern.compile("(" + LATIN_NAME.replace("[ _]", " ") + "|" + CN_NAME + ")\\s*[(（]\\s*(" + id
                            + ")\\s*[)）]"),
                    // "by 2023050108 (Omar Haddad)": the id, then the name in brackets.
                    Pattern.compile("(?<![\\dA-Za-z])(" + id + ")\\s*[(（]\\s*(" + HEAD_LATIN_NAME + "|" + CN_NAME
                            + ")\\s*[)）]"),
                    Pattern.compile("#*\\s*" + id));
        }
    }

    /**
     * A line that is only a name ("Daniel Smith"), believed only on the first lines of a sheet that gives an id, or
     * whose file's name gives the id and writes that name short.
     */
    private static final Pattern NAME_LINE = Pattern
            .compile("^(\\p{Lu}[\\p{Ll}'’\\-]+(?:\\s+\\p{Lu}\\.)?(?:\\s+\\p{Lu}[\\p{L}'’\\-]+){1,2})$");
    /** The commonest Chinese surnames: a short line of Han characters that starts with none of them is no name. */
    private static final String HAN_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
            + "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            + "欧常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
            + "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米"
            + "柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
    /** "Jamal Washington COMP 3270 – Fall": a name, then the course's code. */
    private static final Pattern NAME_BEFORE_COURSE = Pattern
            .compile(
                    "^(\\p{Lu}[\\p{Ll}'’\\-]+(?:\\s+\\p{Lu}[\\p{L}'’\\-]+){1,2})\\s+[-—–|,]?\\s*(?=[A-Z]{2,5}\\s?\\d{3,4}\\b)");
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "(?i).*\\b(homework|assignment|hw|calc|calculus|math|maths|problems?|answers?|solutions?|lab|report|course|"
                    + "week|physics|algebra|programming|exercises?|sheet|exam|quiz|part|section|student|id|name|no|"
                    + "algorithms?|structures?|discrete|dynamic|theory|analysis|introduction|statistics|probability|"
                    + "networks?|systems?|data|graphs?|logic|computer|science|engineering|design|fall|spring|summer|"
                    + "winter|midterm|final|draft|version|notes|due|total|score|grade|set|chapter|unit|topic)\\b.*");
    /** A javadoc's author tag: "@author Ethan Brown (24006)". */
    private static final Pattern AUTHOR_TAG = Pattern.compile("^@author\\s+");
    private static final Pattern ID_ANYWHERE = Pattern.compile("(?<![\\dA-Za-z])(\\d{6,12})(?!\\d)");

    private StudentIdentifier() {
    }

    /**
     * How many copies deep a file's name is: 0 for "hw.md", 1 for "hw(1).md" or "hw - 副本.md", 3 for "hw (3).md" — a
     * browser or file manager names a file saved again after the one before it.
     */
    public static int copyNumber(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        Matcher m = COPY_SUFFIX.matcher(dot > 0 ? name.substring(0, dot) : name);
        if (!m.find()) {
            return 0;
        }
        Matcher n = COPY_NUMBER.matcher(m.group());
        return n.find() ? Integer.parseInt(n.group(1)) + (m.group().contains("副本") ? 1 : 0) : 1;
    }

    /** The file's base name without extension and copy suffixes like " (2)" or " - 副本". */
    public static String baseName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String previous;
        do {
            previous = name;
            name = COPY_SUFFIX.matcher(name).replaceFirst("").strip();
        } while (!name.equals(previous));
        return name;
    }

    /**
     * Reads the identity from an LMS download's names first: Canvas renames each file
     * {@code login[_late]_userid_submissionid_original}, Moodle puts each student's files in a folder
     * {@code Full Name_12345_assignsubmission_file_}. The original file name keeps the id it had; the login gives it
     * when it is a student number, the Moodle folder gives the name.
     */
    public static Identity fromFileName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        Matcher canvas = CANVAS_FILE.matcher(file);
        if (canvas.matches()) {
            Identity inner = fromOwnFileName(canvas.group(4));
            String login = canvas.group(1);
            return new Identity(inner.id() != null ? inner.id() : login.matches(ID) ? login : null, inner.name());
        }
        Identity own = fromOwnFileName(path);
        if (own.name() == null) {
            for (String folder : path.split("/")) {
                Matcher moodle = MOODLE_FOLDER.matcher(folder);
                if (moodle.matches()) {
                    return new Identity(own.id(), moodle.group(1).strip());
                }
            }
        }
        return own;
    }

    private static Identity fromOwnFileName(String path) {
        Identity read = fromOwnFileNameAsWritten(path);
        return read.name() == null ? read : new Identity(read.id(), givenFirst(read.name()));
    }

    private static Identity fromOwnFileNameAsWritten(String path) {
        // "作业5-孙雨萱-2022301229": the separator left where the homework's title stood goes with it.
        String base = HOMEWORK_WORDS.matcher(baseName(path)).replaceAll(" ").strip()
                .replaceAll("^[\\s_\\-—+]+|[\\s_\\-—+]+$", "");
        Matcher m = FILE_ID_NAME.matcher(base);
        if (m.find()) {
            return new Identity(m.group(1), fileName(m.group(2)));
        }
        m = FILE_NAME_ID.matcher(base);
        if (m.find()) {
            Matcher after = NAME_AFTER_ID.matcher(base.substring(m.end()));
            return new Identity(m.group(2), clean(after.find() ? after.group(1) : m.group(1)));
        }
        m = FILE_ID_ONLY.matcher(base);
        if (m.find()) {
            return new Identity(m.group(1), null);
        }
        // "HW5 - Maria Garcia (20220455)": an id somewhere in the name, the name before it in brackets.
        m = HeaderPatterns.DEFAULT.nameBracketId().matcher(base);
        if (m.find() && !NOT_A_NAME.matcher(m.group(1)).matches()) {
            return new Identity(m.group(2), m.group(1));
        }
        m = ID_ANYWHERE.matcher(base);
        if (m.find()) {
            return new Identity(m.group(1), null);
        }
        // "马超-作业6", "算法作业3-黄芳": a name beside the homework's title, no id.
        List<String> names = new ArrayList<>();
        for (String part : base.split("[\\s_\\-—+]+")) {
            if (part.matches(CN_NAME) && clean(part) != null) {
                names.add(clean(part));
            }
        }
        if (names.size() == 1) {
            return new Identity(null, names.get(0));
        }
        return new Identity(null, twoWordName(base));
    }

    /**
     * "okafor_chidi", "hw5_daniel_kim": two words left of a file's name without an id, one of them a known given name;
     * null otherwise ("hw3_final", "submission_lab6").
     */
    private static String twoWordName(String base) {
        List<String> words = new ArrayList<>();
        for (String part : base.split("[\\s_\\-—+.]+")) {
            if (!part.isEmpty() && !isNotAName(part)) {
                words.add(part);
            }
        }
        if (words.size() != 2 || !words.stream().allMatch(w -> w.matches("\\p{L}{2,}"))
                || words.stream().noneMatch(StudentIdentifier::isGivenName)) {
            return null;
        }
        return clean(titleCase(String.join(" ", words)));
    }

    /** "Thompson Ava" → "Ava Thompson": two words of a file's name, the second a given name and the first not. */
    static String givenFirst(String name) {
        String[] words = name.split(" ");
        return words.length == 2 && isGivenName(words[1]) && !isGivenName(words[0]) ? words[1] + " " + words[0]
                : name;
    }

    private static boolean isGivenName(String word) {
        return GIVEN_NAMES.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Given names that are seldom surnames (a resource beside this class). */
    private static final Set<String> GIVEN_NAMES = givenNames();

    private static Set<String> givenNames() {
        try (var in = StudentIdentifier.class.getResourceAsStream("given-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("given-names.txt is missing from the build");
            }
            Set<String> names = new HashSet<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .forEach(l -> names.addAll(List.of(l.strip().split("\\s+"))));
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new IllegalStateException("given-names.txt could not be read", e);
        }
    }

    /**
     * The name part of a file's name: "Liam_OConnor_Homework" is "Liam OConnor", its trailing words that are not a
     * name left out; null when no word is a name.
     */
    private static String fileName(String words) {
        List<String> kept = new ArrayList<>(List.of(words.split("[ _]")));
        while (!kept.isEmpty() && isNotAName(kept.get(kept.size() - 1))) {
            kept.remove(kept.size() - 1);
        }
        if (kept.isEmpty() || NOT_A_NAME.matcher(String.join(" ", kept)).matches()) {
            return null;
        }
        return clean(splitRunTogether(titleCase(String.join(" ", kept))));
    }

    private static boolean isNotAName(String word) {
        // "thermoHW5": a course glued to the homework's number.
        return NOT_A_NAME.matcher(word).matches()
                || word.matches("(?i)(hw|ex|lab|final|draft|v)\\d*|\\p{L}+(hw|lab)\\d+");
    }

    /**
     * "EthanBrown" → "Ethan Brown", "HeJun" → "He Jun": a name's words run together are split where a small letter
     * meets a capital, except after a surname's prefix ("McDonald", "MacArthur", "DeVries", "LeBlanc", "VanDyke").
     */
    static String splitRunTogether(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int wordStart = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))
                    && !SURNAME_PREFIX.matcher(name.substring(wordStart, i)).matches()) {
                out.append(' ');
                wordStart = i;
            }
            if (c == ' ') {
                wordStart = i + 1;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static final Pattern SURNAME_PREFIX = Pattern.compile("(Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz|St)");

    /** Reads the header: the lines before the first answer, at most ten. */
    public static Identity fromHeader(List<String> headerLines) {
        return fromHeader(headerLines, new Identity(null, null));
    }

    /**
     * Reads the header with what the file's name said: a number the file's name gives as the id is the id in the
     * header too, even when it is short ("Liam O'Connor, 24002" in 24002_Liam_OConnor.java); a name alone on a first
     * line is the student's when the file's name gives the id and a short form of that name ("Harper Wilson" in
     * 24015_hwilson.txt).
     */
    public static Identity fromHeader(List<String> headerLines, Identity file) {
        HeaderPatterns p = file.id() != null && !file.id().matches(ID) ? new HeaderPatterns("(?:" + ID + "|"
                + Pattern.quote(file.id()) + "(?!\\d))") : HeaderPatterns.DEFAULT;
        String id = null;
        String name = null;
        int seen = 0;
        String firstLineName = null;
        boolean nameOnFirstLine = false;
        boolean titlesOnly = true;
        for (String raw : tableRows(headerLines)) {
            // A source file's header is in a comment: "// Liam O'Connor, 24002", " * @author Ethan Brown (24006)".
            String line = latexPlain(AUTHOR_TAG.matcher(Texts.uncommented(raw.replace("\uFEFF", ""))).replaceFirst("")
                    .replace("**", "").replace("__", "")).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (++seen > 10) {
                break;
            }
            if (seen <= 3 && firstLineName == null) {
                // Under a title ("Data Structures Homework 5", then "Hannah Lee", then "Student ID: …").
                Matcher only = NAME_LINE.matcher(line);
                Matcher course = NAME_BEFORE_COURSE.matcher(line);
                if (only.matches() && !NOT_A_NAME.matcher(line).matches()
                        || course.lookingAt() && !NOT_A_NAME.matcher(course.group(1)).matches()) {
                    firstLineName = only.matches() ? only.group(1) : course.group(1);
                    nameOnFirstLine = titlesOnly;
                } else if (line.matches("\\p{IsHan}{2,4}") && HAN_SURNAMES.indexOf(line.charAt(0)) >= 0
                        && clean(line) != null) {
                    // "操作系统作业" then "郭静": a Chinese name alone on its line, known by its surname ("动量守恒" is none).
                    firstLineName = clean(line);
                    nameOnFirstLine = titlesOnly;
                }
            }
            // Only titles so far ("操作系统作业", "Discrete Structures — Problem Set 6"): a name alone next opens the sheet.
            titlesOnly = titlesOnly && firstLineName == null && (NOT_A_NAME.matcher(line).matches()
                    || COURSE_WORD.matcher(line).find() || HOMEWORK_WORDS.matcher(line).find());
            if (name == null) {
                String both = twoScriptName(line);
                if (both != null) {
                    name = both;
                }
            }
            if (id == null || name == null) {
                // "Lee, Marcus (903467730)", "20416204 / Núñez, José M.": the surname first, beside the id.
                Matcher s = SURNAME_FIRST.matcher(line);
                if (s.find() && (s.group(1) != null || s.group(4) != null)
                        && !NOT_A_NAME.matcher(s.group(2)).matches()) {
                    id = id == null ? s.group(1) != null ? s.group(1) : s.group(4) : id;
                    name = name == null ? s.group(3) + " " + s.group(2) : name;
                    continue;
                }
                Matcher m = p.latinNameId().matcher(line);
                if (m.matches() && !NOT_A_NAME.matcher(m.group(1)).matches()) {
                    id = id == null ? m.group(2) : id;
                    name = name == null ? splitRunTogether(titleCase(m.group(1).strip().replaceAll("\\s+", " ")))
                            : name;
                    continue;
                }
            }
            if (id == null) {
                Matcher m = p.labelledId().matcher(line);
                if (m.find()) {
                    id = m.group(1);
                    // "ID 20231109, Tom Becker": the name after the id.
                    Matcher after = NAME_AFTER_LABELLED_ID.matcher(line.substring(m.end()));
                    if (name == null && after.matches() && !NOT_A_NAME.matcher(after.group(1)).matches()) {
                        name = after.group(1).matches(CN_NAME) ? clean(after.group(1))
                                : splitRunTogether(titleCase(after.group(1).replaceAll("\\s+", " ")));
                    }
                } else if (p.idAlone().matcher(line).matches()) {
                    // A student number alone on its line, under the name.
                    id = line.replace("#", "").strip();
                }
            }
            if (name == null) {
                Matcher m = HEAD_NAME_CN.matcher(line);
                if (m.find()) {
                    name = clean(m.group(1));
                    // "作者：王芳 2023003": the id right after the labelled name.
                    id = id == null ? idAfterName(line.substring(m.end()), p) : id;
                } else {
                    m = HEAD_NAME_EN.matcher(line);
                    if (m.find()) {
                        name = splitRunTogether(m.group(1).replaceAll("(\\s+(?i:student|ID|No|number))+$", "").strip());
                        // "Submitted by Rahul Kapoor, 20416671": the id right after the labelled name.
                        id = id == null ? idAfterName(line.substring(m.end()), p) : id;
                        // "Name: Zhang Wei 张伟": the Chinese form is the one the class list and file names use.
                        Matcher han = HAN_AFTER.matcher(line.substring(m.end()));
                        if (han.lookingAt() && clean(han.group(1)) != null) {
                            name = clean(han.group(1));
                        }
                    }
                }
            }
            if (id == null || name == null) {
                Matcher m = p.idName().matcher(line);
                if (m.find()) {
                    id = id == null ? m.group(1) : id;
                    name = name == null ? clean(m.group(2)) : name;
                    continue;
                }
                m = p.nameId().matcher(line);
                boolean nameThenId = m.find();
                if (!nameThenId) {
                    m = p.titledNameId().matcher(line);
                    nameThenId = m.find() && clean(m.group(1)) != null;
                }
                if (nameThenId) {
                    name = name == null ? clean(m.group(1)) : name;
                    id = id == null ? m.group(2) : id;
                    continue;
                }
                // "# CS2110 HW5 — Marcus Johnson (2023011207)", "Submitted by Ava Thompson (2023011212)".
                m = p.nameBracketId().matcher(line);
                if (m.find() && !NOT_A_NAME.matcher(m.group(1)).matches()) {
                    name = name == null ? clean(m.group(1)) : name;
                    id = id == null ? m.group(2) : id;
                    continue;
                }
                m = p.idBracketName().matcher(line);
                if (m.find() && !NOT_A_NAME.matcher(m.group(2)).matches() && clean(m.group(2)) != null) {
                    id = id == null ? m.group(1) : id;
                    name = name == null ? splitRunTogether(titleCase(clean(m.group(2)))) : name;
                }
            }
        }
        // A name alone on a first line: believed beside an id; else when the file's name gives no other name (none, or
        // a short form of this one) and the name opens the sheet ("Sofia Esposito" then the course) or the file's
        // name gives the id.
        boolean fileAgrees = firstLineName != null && (file.name() == null || shortFormOf(file.name(), firstLineName));
        if (name == null && (id != null || fileAgrees && (nameOnFirstLine || file.id() != null))) {
            name = firstLineName;
        }
        return new Identity(id, name);
    }

    private static final Pattern TABLE_SEPARATOR = Pattern.compile(":?-{2,}:?");
    private static final Pattern TABLE_LABEL = Pattern.compile(
            "(?i)(学号|學號|姓名|名字|班级|班級|专业|name|student\\s*(?:id|no\\.?|number|name)|id|no\\.?|class)\\s*[:：]?");

    /**
     * A Markdown table in a header read as labelled lines: "| 学号 | 2022013305 | 姓名 | 王磊 |" is "学号：2022013305
     * 姓名：王磊", and a row of labels over a row of values ("| Name | ID |", "| Wei Chen | 20231105 |") pairs them by
     * column. Other lines stay as they are.
     */
    /** The name a closing signature gives alone ("—— 冯浩", "— Lan Nguyen"): dashes, then only the name. */
    public static String signed(String line) {
        if (!SIGNATURE_DASHES.matcher(line).lookingAt()) {
            return null;
        }
        String rest = undashed(line);
        if (rest.matches("\\p{IsHan}{2,4}") && HAN_SURNAMES.indexOf(rest.charAt(0)) >= 0) {
            return clean(rest);
        }
        return NAME_LINE.matcher(rest).matches() && !NOT_A_NAME.matcher(rest).matches() ? rest : null;
    }

    /** The line without the dashes a closing signature opens with ("—— 孙雨萱" is "孙雨萱"). */
    static String undashed(String line) {
        return SIGNATURE_DASHES.matcher(line).replaceFirst("").strip();
    }

    private static final Pattern SIGNATURE_DASHES = Pattern.compile("^\\s*[-—–~]+\\s*");

    static List<String> tableRows(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size();) {
            if (!isTableRow(lines.get(i))) {
                out.add(lines.get(i++));
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (; i < lines.size() && isTableRow(lines.get(i)); i++) {
                List<String> cells = cells(lines.get(i));
                if (!cells.stream().allMatch(c -> c.isEmpty() || TABLE_SEPARATOR.matcher(c).matches())) {
                    rows.add(cells);
                }
            }
            boolean labelRow = rows.size() >= 2 && rows.get(0).stream().filter(c -> !c.isEmpty())
                    .allMatch(c -> TABLE_LABEL.matcher(c).matches());
            if (labelRow) {
                for (List<String> row : rows.subList(1, rows.size())) {
                    StringBuilder line = new StringBuilder();
                    for (int c = 0; c < row.size() && c < rows.get(0).size(); c++) {
                        if (!row.get(c).isEmpty()) {
                            line.append(rows.get(0).get(c).replaceAll("[:：]$", "")).append("：").append(row.get(c))
                                    .append("  ");
                        }
                    }
                    out.add(line.toString().strip());
                }
            } else {
                for (List<String> row : rows) {
                    StringBuilder line = new StringBuilder();
                    for (String cell : row) {
                        if (!cell.isEmpty()) {
                            boolean label = TABLE_LABEL.matcher(cell).matches();
                            line.append(label ? cell.replaceAll("[:：]$", "") + "：" : cell + "  ");
                        }
                    }
                    out.add(line.toString().strip());
                }
            }
        }
        return out;
    }

    private static boolean isTableRow(String line) {
        String s = line.strip();
        return s.startsWith("|") && s.indexOf('|', 1) > 0;
    }

    private static List<String> cells(String row) {
        String s = row.strip();
        s = s.substring(1, s.endsWith("|") && s.length() > 1 ? s.length() - 1 : s.length());
        return List.of(s.split("\\|", -1)).stream().map(String::strip).toList();
    }

    /**
     * The file's name for the student is the header's name written short, as logins and file names do: "hwilson",
     * "wilsonh", "harperw" or "harperwilson" for Harper Wilson, "OConnor" for O'Connor, "Mueller" for Müller.
     */
    static boolean shortFormOf(String abbreviated, String full) {
        if (abbreviated == null || full == null) {
            return false;
        }
        String[] words = full.strip().split("[\\s\\-]+");
        if (words.length < 2) {
            return false;
        }
        String written = fold(abbreviated, false);
        for (boolean spelledOut : new boolean[] { false, true }) {
            String first = fold(words[0], spelledOut);
            String last = fold(words[words.length - 1], spelledOut);
            if (first.isEmpty() || last.isEmpty()) {
                return false;
            }
            if (written.equals(fold(full, spelledOut)) || written.equals(last + first)
                    || written.equals(first.charAt(0) + last) || written.equals(last + first.charAt(0))
                    || written.equals(first + last.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** Letters only, lower case, accents taken off ("Müller" → "muller", or spelled out → "mueller"). */
    private static String fold(String name, boolean spelledOut) {
        String s = name.toLowerCase(Locale.ROOT);
        if (spelledOut) {
            s = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("[^a-z]", "");
    }

    /**
     * A name written in both scripts on one line: "赵敏 (Zhao Min)", "Wu Yifan 吴一凡 — HW 6", "Kim Minjun 金敏俊". The
     * Chinese form is the one a Chinese class list uses when it is the same name (its surname reads as the Latin
     * surname); otherwise ("Kim" is not 金's pinyin "jin") the student goes by the Latin form.
     */
    static String twoScriptName(String line) {
        Matcher m = HAN_THEN_LATIN.matcher(line);
        String han;
        String latin;
        if (m.find()) {
            han = m.group(1);
            latin = m.group(2);
        } else if ((m = LATIN_THEN_HAN.matcher(line)).find()) {
            latin = m.group(1);
            han = m.group(2);
        } else {
            return null;
        }
        if (NOT_A_NAME.matcher(latin).matches() || clean(han) == null || !clean(han).equals(han)) {
            return null;
        }
        String[] words = latin.toLowerCase(Locale.ROOT).split("\\s+");
        String surname = SURNAMES.get(han.substring(0, 1));
        boolean same = surname != null && (surname.equals(words[0]) || surname.equals(words[words.length - 1]));
        return same ? han : latin;
    }

    private static final String LATIN_WORDS = "[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}";
    private static final Pattern HAN_THEN_LATIN = Pattern.compile("(?<![\\p{IsHan}])([\\p{IsHan}]{2,4})\\s*[(（]\\s*("
            + LATIN_WORDS + ")\\s*[)）]");
    private static final Pattern LATIN_THEN_HAN = Pattern.compile("(?<![A-Za-z])(" + LATIN_WORDS
            + ")\\s*[(（]?\\s*([\\p{IsHan}]{2,4})(?![\\p{IsHan}])");
    /** The pinyin of common Chinese surnames, to tell a Chinese name's romanisation from another reading. */
    private static final Map<String, String> SURNAMES = surnames("王wang 李li 张zhang 刘liu 陈chen 杨yang "
            + "黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song "
            + "唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du "
            + "叶ye 程cheng 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin "
            + "石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 闫yan 段duan "
            + "雷lei 侯hou 龙long 史shi 陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan 武wu 戴dai 莫mo 孔kong "
            + "向xiang 汤tang 欧ou 易yi 常chang 温wen 康kang 施shi 牛niu 洪hong 傅fu 齐qi 庞pang 葛ge 柳liu 邢xing 焦jiao 倪ni");

    private static Map<String, String> surnames(String pairs) {
        Map<String, String> out = new HashMap<>();
        for (String pair : pairs.split(" ")) {
            out.put(pair.substring(0, 1), pair.substring(1));
        }
        return Map.copyOf(out);
    }

    /** "kevin chen" → "Kevin Chen"; a name written with capitals stays as written. */
    /** The id that alone follows a labelled name ("王芳 2023003", "Rahul Kapoor, 20416671"), else null. */
    private static String idAfterName(String rest, HeaderPatterns p) {
        Matcher after = ID_AFTER_NAME.matcher(rest);
        return after.matches() && p.idAlone().matcher(after.group(1)).matches() ? after.group(1) : null;
    }

    private static final Pattern LATEX_WRAP = Pattern
            .compile("\\\\(?:textbf|textit|emph|textsc|large|Large|LARGE)\\b\\s*");

    /** "\textbf{Minh Q. Tran}\\", "{\Large MATH 2400}", "Chinedu A.~Okafor": a LaTeX title block's line as it reads. */
    private static String latexPlain(String line) {
        if (!line.contains("\\") && !line.contains("~")) {
            return line;
        }
        return LATEX_WRAP.matcher(line).replaceAll("").replaceAll("\\\\\\\\(?:\\[[^]]*])?\\s*$", "")
                .replaceAll("(?<=\\p{L}\\.?)~", " ").replaceAll("[{}]", "");
    }

    private static String titleCase(String name) {
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (char c : name.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ' || c == '-' || c == '\'';
        }
        return out.toString();
    }

    /** Names end where words like 作业/homework begin: "张三作业" is not a name. */
    private static String clean(String name) {
        return Optional.ofNullable(name).map(n -> n.replace('_', ' ')
                .replaceAll("(第[一二三四五六七八九十\\d]+次)?(作业|作業|答案|答卷|报告|实验)$", "").strip())
                .filter(n -> !n.isEmpty() && !NOT_A_CN_NAME.matcher(n).matches()
                        && !(n.matches(CN_NAME) && COURSE_WORD.matcher(n).find()))
                .orElse(null);
    }
}
