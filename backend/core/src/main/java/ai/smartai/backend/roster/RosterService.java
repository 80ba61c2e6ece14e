package ai.smartai.backend.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.audit.AuditService;
import ai.smartai.backend.student.Student;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.student.RosterReport;
import ai.smartai.model.student.RosterReport.Person;

/**
 * A task's class roster, and how the submissions match it: ids exactly, names loosely (spacing, order, case, one
 * letter). Nothing is renamed: the report says who matched, who is missing and which files match no one.
 */
@ApplicationScoped
public class RosterService {

    static final int MAX_ENTRIES = 10_000;

    @Inject
    TaskAccess access;

    @Inject
    RosterRepository roster;

    @Inject
    StudentRepository students;

    @Inject
    AuditService audit;

    @Transactional
    public RosterReport upload(CurrentUser user, String taskId, String fileName, byte[] bytes) {
        access.require(user, taskId);
        List<Person> people = RosterParser.parse(fileName, bytes);
        if (people.size() > MAX_ENTRIES) {
            throw ApiException.badRequest("roster_invalid", Message.of(MessageCode.ERR_ROSTER_TOO_LONG, fileName,
                    people.size(), MAX_ENTRIES));
        }
        List<RosterEntry> entries = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            entries.add(new RosterEntry(taskId, i, cut(p.id(), 64), cut(p.name(), 200), cut(p.email(), 320),
                    cut(p.lmsId(), 100)));
        }
        roster.replace(taskId, entries);
        audit.record(taskId, user, "roster.upload", fileName, Map.of(), Map.of("entries",
                Integer.toString(entries.size())));
        return match(taskId, entries);
    }

    @Transactional
    public RosterReport report(CurrentUser user, String taskId) {
        access.require(user, taskId);
        return match(taskId, roster.list(taskId));
    }

    /** Each matched student's roster line, by the student's id, for the exports to carry LMS ids and emails. */
    @Transactional
    public Map<String, Person> byStudentId(CurrentUser user, String taskId) {
        access.require(user, taskId);
        Map<String, Person> out = new HashMap<>();
        match(taskId, roster.list(taskId)).matched().forEach(m -> out.put(m.studentId(), m.roster()));
        return out;
    }

    private RosterReport match(String taskId, List<RosterEntry> entries) {
        List<Student> ss = students.list(taskId);
        Map<String, Student> byId = new HashMap<>();
        ss.forEach(s -> byId.put(s.getStudentId(), s));
        Set<String> taken = new HashSet<>();
        List<RosterReport.Match> matched = new ArrayList<>();
        List<RosterEntry> byNameLater = new ArrayList<>();
        for (RosterEntry e : entries) {
            Student s = e.getStudentId() == null ? null : byId.get(e.getStudentId());
            if (s != null && taken.add(s.getStudentId())) {
                matched.add(new RosterReport.Match(s.getStudentId(), person(e), "id"));
            } else {
                byNameLater.add(e);
            }
        }
        List<Person> missing = new ArrayList<>();
        for (RosterEntry e : byNameLater) {
            Optional<Student> s = byName(e.getName(), ss, taken);
            if (s.isPresent()) {
                taken.add(s.get().getStudentId());
                matched.add(new RosterReport.Match(s.get().getStudentId(), person(e), "name"));
            } else {
                missing.add(person(e));
            }
        }
        List<RosterReport.Stray> unmatched = ss.stream().filter(s -> !taken.contains(s.getStudentId()))
                .map(s -> new RosterReport.Stray(s.getStudentId(), s.getName(), s.getSourceFile())).toList();
        return new RosterReport(entries.size(), matched, missing, unmatched);
    }

    /** The one student not yet matched whose name is the roster's, loosely; none when two would fit. */
    private static Optional<Student> byName(String name, List<Student> ss, Set<String> taken) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<Student> fits = ss.stream().filter(s -> !taken.contains(s.getStudentId()) && sameName(name, s.getName()))
                .toList();
        return fits.size() == 1 ? Optional.of(fits.get(0)) : Optional.empty();
    }

    /** Equal ignoring case, spaces and punctuation; or the same words in another order; or one letter apart. */
    static boolean sameName(String a, String b) {
        if (b == null || b.isBlank()) {
            return false;
        }
        String x = RosterParser.normal(a);
        String y = RosterParser.normal(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        if (x.equals(y) || words(a).equals(words(b))) {
            return true;
        }
        // One letter apart only for names long enough that this is a typo, not another person (not 2-3 Han chars).
        return Math.min(x.length(), y.length()) >= 5 && distance(x, y) <= 1;
    }

    private static List<String> words(String name) {
        String[] w = name.toLowerCase(Locale.ROOT).split("[\\s,_.·-]+");
        Arrays.sort(w);
        return Arrays.stream(w).filter(s -> !s.isEmpty()).toList();
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1)
                        ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Person person(RosterEntry e) {
        return new Person(e.getStudentId(), e.getName(), e.getEmail(), e.getLmsId());
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
