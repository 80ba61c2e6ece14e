package ai.smartai.frontend.pages;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.i18n.Lang;
import ai.smartai.frontend.session.Session;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.report.ReleaseAccessView;
import ai.smartai.model.report.ReleaseLink;
import ai.smartai.model.report.ReleaseRequest;
import ai.smartai.model.student.RosterReport;
import ai.smartai.model.student.StudentView;
import ai.smartai.model.task.TaskDetail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A task's class: the roster matched against the submissions (who is missing, which files match no one), and the
 * students' release links (create, revoke, who opened them). Everything goes through the REST API.
 */
@Path("/")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class ClassPages {

    /** The longest a link may be valid from the page; the API itself takes any future time. */
    static final int MAX_DAYS = 365;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance classPage(ClassPage page);
    }

    /**
     * {@code created}: links made just now, whose address is shown this once (absolute, on this server);
     * {@code log}: the access log of {@code logStudent}, when asked for.
     */
    public record ClassPage(AccountView user, TaskDetail task, RosterReport roster, List<StudentView> students,
            List<Link> links, List<Created> created, String logStudent, List<ReleaseAccessView> log, String error) {
    }

    /** A listed link and its state: {@code active}, {@code revoked} or {@code expired}. */
    public record Link(ReleaseLink link, String state) {
    }

    public record Created(String studentId, String url, Instant expiresAt) {
    }

    @Inject
    Backend backend;

    @Inject
    Forms forms;

    @Inject
    Lang lang;

    @Context
    UriInfo uri;

    Clock clock = Clock.systemUTC();

    @GET
    @Path("tasks/{id}/class")
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("log") String logStudent) {
        return classPage(id, List.of(), logStudent, null);
    }

    @POST
    @Path("tasks/{id}/class/roster")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response roster(@PathParam("id") String id, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.fileName() == null || file.fileName().isBlank()) {
            return Response.status(400).entity(classPage(id, List.of(), null, lang.msg().chooseFile())).build();
        }
        forms.run(c -> c.uploadRoster(id, file), error -> classPage(id, List.of(), null, error), status -> 400);
        return Session.redirect("/tasks/" + id + "/class#roster");
    }

    /** Links for one student or all; the page shows their addresses once, so it is drawn here, not redirected to. */
    @POST
    @Path("tasks/{id}/class/releases")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("id") String id, @FormParam("studentId") String studentId,
            @FormParam("days") String days) {
        int valid;
        try {
            valid = Integer.parseInt(days == null ? "" : days.strip());
        } catch (NumberFormatException e) {
            valid = -1;
        }
        if (valid < 1 || valid > MAX_DAYS) {
            return Response.status(400).entity(classPage(id, List.of(), null, lang.msg().releaseDaysRule(MAX_DAYS)))
                    .build();
        }
        ReleaseRequest request = new ReleaseRequest(studentId == null || studentId.isBlank() ? null
                : List.of(studentId.strip()), clock.instant().plus(Duration.ofDays(valid)));
        List<ReleaseLink> made = forms.call(c -> c.release(id, request), error -> classPage(id, List.of(), null,
                error));
        URI base = uri.getBaseUri();
        List<Created> created = made.stream().map(l -> new Created(l.studentId(),
                base.resolve(l.url().startsWith("/") ? l.url().substring(1) : l.url()).toString(), l.expiresAt()))
                .toList();
        return Response.ok(classPage(id, created, null, null)).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("tasks/{id}/class/releases/{studentId}/revoke")
    public Response revoke(@PathParam("id") String id, @PathParam("studentId") String studentId) {
        forms.run(c -> c.revokeRelease(id, studentId), error -> classPage(id, List.of(), null, error));
        return Session.redirect("/tasks/" + id + "/class#releases");
    }

    private TemplateInstance classPage(String id, List<Created> created, String logStudent, String error) {
        Instant now = clock.instant();
        List<Link> links = backend.call(c -> c.releases(id)).stream().map(l -> new Link(l,
                l.revokedAt() != null ? "revoked" : l.expiresAt().isBefore(now) ? "expired" : "active")).toList();
        String shownLog = logStudent == null || logStudent.isBlank()
                || links.stream().noneMatch(l -> l.link().studentId().equals(logStudent)) ? null : logStudent;
        return Templates.classPage(new ClassPage(backend.call(c -> c.me()), backend.call(c -> c.task(id)),
                backend.call(c -> c.roster(id)), backend.call(c -> c.students(id, "brief")), links, created,
                shownLog, shownLog == null ? List.of() : backend.call(c -> c.releaseAccesses(id, shownLog)), error));
    }
}
