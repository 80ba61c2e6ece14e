package ai.smartai.backend.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.access.TaskAccess;
import ai.smartai.backend.account.Account;
import ai.smartai.backend.account.AccountRepository;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.account.Tokens;
import ai.smartai.backend.audit.AuditService;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.student.Student;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.backend.task.Task;
import ai.smartai.backend.task.TaskRepository;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.report.ReleaseAccessView;
import ai.smartai.model.report.ReleaseLink;
import ai.smartai.model.report.ReleaseRequest;

/**
 * Teacher-to-student release: a random link per student that shows that student's report, with no login, until it
 * expires or the teacher revokes it. Only the token's hash is stored, and every view is logged.
 */
@ApplicationScoped
public class ReleaseService {

    /** Where a link points; the token follows. */
    public static final String PATH = "/api/releases/";

    @Inject
    TaskAccess access;

    @Inject
    TaskRepository taskRepository;

    @Inject
    AccountRepository accounts;

    @Inject
    StudentRepository students;

    @Inject
    ReleaseRepository releases;

    @Inject
    ReportService reports;

    @Inject
    AuditService audit;

    Clock clock = Clock.systemUTC();

    @Transactional
    public List<ReleaseLink> create(CurrentUser user, String taskId, ReleaseRequest request) {
        access.require(user, taskId);
        List<String> ids = request.studentIds() == null || request.studentIds().isEmpty()
                ? students.list(taskId).stream().map(Student::getStudentId).toList() : request.studentIds();
        for (String id : ids) {
            students.find(taskId, id).orElseThrow(() -> ApiException.notFound(MessageCode.THING_STUDENT, id));
        }
        Instant now = clock.instant();
        List<ReleaseLink> links = new ArrayList<>();
        for (String id : ids) {
            String token = Tokens.newToken();
            releases.persist(new Release(Tokens.hash(token), taskId, id, user.id(), now, request.expiresAt()));
            links.add(new ReleaseLink(id, PATH + token, request.expiresAt(), null, 0));
        }
        audit.record(taskId, user, "release.create", String.join(",", ids), Map.of(),
                Map.of("expiresAt", request.expiresAt().toString()));
        return links;
    }

    /** The task's links without their tokens (shown only once), with their views so far. */
    @Transactional
    public List<ReleaseLink> list(CurrentUser user, String taskId) {
        access.require(user, taskId);
        return releases.list(taskId).stream().map(r -> new ReleaseLink(r.getStudentId(), null, r.getExpiresAt(),
                r.getRevokedAt(), releases.accesses(r.getTokenHash()))).toList();
    }

    /** The views of the student's links, newest first; 404 when the student has no link. */
    @Transactional
    public List<ReleaseAccessView> accessLog(CurrentUser user, String taskId, String studentId) {
        access.require(user, taskId);
        if (releases.ofStudent(taskId, studentId).isEmpty()) {
            throw ApiException.notFound(MessageCode.THING_RELEASE_LINK_OF_STUDENT, studentId);
        }
        return releases.accessLog(taskId, studentId).stream().map(a -> new ReleaseAccessView(a.getAt(),
                a.getAddress())).toList();
    }

    /** Revokes every link of the student; 404 when the student has none. */
    @Transactional
    public void revoke(CurrentUser user, String taskId, String studentId) {
        access.require(user, taskId);
        List<Release> links = releases.ofStudent(taskId, studentId);
        if (links.isEmpty()) {
            throw ApiException.notFound(MessageCode.THING_RELEASE_LINK_OF_STUDENT, studentId);
        }
        Instant now = clock.instant();
        links.forEach(r -> r.revoke(now));
        audit.record(taskId, user, "release.revoke", studentId, Map.of(), Map.of("links",
                Integer.toString(links.size())));
    }

    /**
     * The report a link shows, read as the task's owner sees it, and the view logged; empty when the link is unknown,
     * expired or revoked, so all three answer the same 404.
     */
    @Transactional
    public Optional<StudentReport> open(String token, String address) {
        Instant now = clock.instant();
        Optional<Release> link = releases.find(Tokens.hash(token)).filter(r -> r.isOpen(now));
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Release r = link.get();
        releases.persist(new ReleaseAccess(Ids.newId(), r.getTokenHash(), now, address));
        Optional<CurrentUser> owner = taskRepository.findById(r.getTaskId()).map(Task::getOwnerId)
                .flatMap(accounts::findById).map(ReleaseService::asUser);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        return reports.students(owner.get(), r.getTaskId(), r.getStudentId()).stream().findFirst();
    }

    private static CurrentUser asUser(Account a) {
        return new CurrentUser(a.getId(), a.getUsername(), a.getRole());
    }
}
