package ai.smartai.frontend.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.charts.Charts;
import ai.smartai.frontend.i18n.Lang;
import ai.smartai.frontend.session.Session;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.MistakeSummary;
import ai.smartai.model.analytics.ProblemDeepDive;
import ai.smartai.model.grade.GradeView;
import ai.smartai.model.grade.OverrideRequest;
import ai.smartai.model.problem.ProblemView;
import ai.smartai.model.student.AnswerView;
import ai.smartai.model.student.StudentView;
import ai.smartai.model.task.TaskDetail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Class analytics with charts drawn on the server, and the review queue. */
@Path("/")
@PermitAll
@SignedIn
public class AnalyticsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance analytics(AnalyticsPage page);

        static native TemplateInstance review(ReviewPage page);

        static native TemplateInstance problem(ProblemPage page);
    }

    /** {@code bands} counts the students per grade band, best band first. */
    public record AnalyticsPage(AccountView user, TaskDetail task, Analytics analytics, Map<String, Integer> bands) {
    }

    public record ReviewPage(AccountView user, TaskDetail task, List<GradeView> queue, String error) {
    }

    /** {@code problemIds} lists the task's problems for the pager; {@code summary} is null until asked for. */
    public record ProblemPage(AccountView user, TaskDetail task, ProblemView problem, List<String> problemIds,
            ProblemDeepDive dive, List<ScoreGroup> groups, MistakeSummary summary, String error) {
    }

    /** The answers that got one score, on the deep-dive page; ungraded answers form the last group. */
    public record ScoreGroup(String label, List<GroupedAnswer> answers) {
    }

    public record GroupedAnswer(String studentId, String name, String text) {
    }

    @Inject
    Backend backend;

    @Inject
    Forms forms;

    @Inject
    Lang lang;

    /** A form over the server's size limits: a page that says so (see {@link TooLarge}), never a bare 413. */
    @ServerExceptionMapper
    public Response formTooLarge(WebApplicationException e, HttpHeaders headers) {
        return TooLarge.page(e, headers, lang.msg());
    }

    @GET
    @Path("tasks/{id}/analytics")
    @Produces(MediaType.TEXT_HTML)
    public Response analytics(@PathParam("id") String id) {
        AccountView user = backend.call(c -> c.me());
        TaskDetail task = backend.call(c -> c.task(id));
        Analytics a = backend.call(c -> c.analytics(id));
        return Response.ok(Templates.analytics(new AnalyticsPage(user, task, a,
                Charts.bands(totalsPercent(id, a), lang.zh())))).build();
    }

    @GET
    @Path("tasks/{id}/review")
    @Produces(MediaType.TEXT_HTML)
    public Response review(@PathParam("id") String id) {
        return Response.ok(reviewPage(id, null)).build();
    }

    private TemplateInstance reviewPage(String id, String error) {
        return Templates.review(new ReviewPage(backend.call(c -> c.me()), backend.call(c -> c.task(id)),
                backend.call(c -> c.review(id, "brief")), error));
    }

    /** Accept (the machine score sent back) or override from the queue; the queue then moves on. */
    @POST
    @Path("tasks/{id}/review/{studentId}/{problemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, @PathParam("studentId") String studentId,
            @PathParam("problemId") String problemId, @FormParam("score") String score,
            @FormParam("comment") String comment, @FormParam("at") int at) {
        Double value;
        try {
            value = Double.valueOf(score == null ? "" : score.strip());
        } catch (NumberFormatException e) {
            return Response.status(400).entity(reviewPage(id, lang.msg().notANumber("score", score))).build();
        }
        OverrideRequest decision = new OverrideRequest(value, comment == null || comment.isBlank() ? null : comment);
        forms.call(c -> c.override(id, studentId, problemId, decision), error -> reviewPage(id, error));
        // The decided row leaves the queue, so the next one now stands at the same place.
        return Session.redirect("/tasks/" + id + "/review?at=" + Math.max(0, at));
    }

    /** histogram, problems, boxes or bands, as PNG. */
    @GET
    @Path("tasks/{id}/charts/{name}.png")
    @Produces("image/png")
    public Response chart(@PathParam("id") String id, @PathParam("name") String name) {
        boolean zh = lang.zh();
        Analytics a = backend.call(c -> c.analytics(id));
        byte[] png = switch (name) {
            case "histogram" -> Charts.histogram(a, zh);
            case "problems" -> Charts.problems(a, zh);
            case "boxes" -> Charts.boxes(scoresByProblem(id), zh);
            case "bands" -> Charts.bandPie(Charts.bands(totalsPercent(id, a), zh), zh);
            default -> null;
        };
        if (png == null) {
            return Response.status(404).build();
        }
        return Response.ok(png, "image/png").header("Cache-Control", "private, max-age=30").build();
    }

    private Map<String, List<Double>> scoresByProblem(String id) {
        List<ProblemView> problems = backend.call(c -> c.problems(id));
        Map<String, List<Double>> out = new LinkedHashMap<>();
        problems.forEach(p -> out.put(p.id(), new ArrayList<>()));
        for (GradeView g : backend.call(c -> c.grades(id, null, null, "brief"))) {
            Double s = Results.effectiveScore(g);
            if (s != null && out.containsKey(g.problemId())) {
                out.get(g.problemId()).add(s);
            }
        }
        return out;
    }

    private List<Double> totalsPercent(String id, Analytics a) {
        Map<String, Double> totals = new HashMap<>();
        for (GradeView g : backend.call(c -> c.grades(id, null, null, "brief"))) {
            Double s = Results.effectiveScore(g);
            totals.merge(g.studentId(), s == null ? Double.valueOf(0) : s, Double::sum);
        }
        return totals.values().stream().map(t -> a.maxTotal() == 0 ? 0 : 100 * t / a.maxTotal()).toList();
    }

    /** One problem across the class: statistics, distribution, common wrong answers and answers by score. */
    @GET
    @Path("tasks/{id}/problems/{problemId}")
    @Produces(MediaType.TEXT_HTML)
    public Response problem(@PathParam("id") String id, @PathParam("problemId") String problemId) {
        return Response.ok(problemPage(id, problemId, null, null)).build();
    }

    /** Asks the teacher's model to put the counts above into words; its failure shows on the page. */
    @POST
    @Path("tasks/{id}/problems/{problemId}/summary")
    @Produces(MediaType.TEXT_HTML)
    public Response summary(@PathParam("id") String id, @PathParam("problemId") String problemId) {
        MistakeSummary s = forms.call(c -> c.mistakeSummary(id, problemId),
                error -> problemPage(id, problemId, null, error));
        return Response.ok(problemPage(id, problemId, s, null)).build();
    }

    private TemplateInstance problemPage(String id, String problemId, MistakeSummary summary, String error) {
        ProblemDeepDive dive = backend.call(c -> c.problemDive(id, problemId));
        List<ProblemView> problems = backend.call(c -> c.problems(id));
        ProblemView problem = problems.stream().filter(p -> p.id().equals(problemId)).findFirst().orElseThrow();
        Map<String, GradeView> grades = new HashMap<>();
        backend.call(c -> c.grades(id, null, problemId, "brief")).stream()
                .forEach(g -> grades.put(g.studentId(), g));
        Map<Double, List<GroupedAnswer>> byScore = new TreeMap<>(Comparator.reverseOrder());
        List<GroupedAnswer> ungraded = new ArrayList<>();
        for (StudentView s : backend.call(c -> c.studentsFor(id, problemId))) {
            String text = s.answers().stream().filter(a -> a.problemId().equals(problemId)).map(AnswerView::text)
                    .findFirst().orElse("");
            GroupedAnswer answer = new GroupedAnswer(s.id(), s.name() == null ? "" : s.name(), text);
            GradeView g = grades.get(s.id());
            Double score = g == null ? null : Results.effectiveScore(g);
            if (score == null) {
                ungraded.add(answer);
            } else {
                byScore.computeIfAbsent(score, k -> new ArrayList<>()).add(answer);
            }
        }
        List<ScoreGroup> groups = new ArrayList<>();
        byScore.forEach((score, answers) -> groups.add(new ScoreGroup(TemplateExtensions.num(score) + " / "
                + TemplateExtensions.num(problem.maxScore()), answers)));
        if (!ungraded.isEmpty()) {
            groups.add(new ScoreGroup("—", ungraded));
        }
        return Templates.problem(new ProblemPage(backend.call(c -> c.me()), backend.call(c -> c.task(id)), problem,
                problems.stream().map(ProblemView::id).toList(), dive, groups, summary, error));
    }

    @GET
    @Path("tasks/{id}/problems/{problemId}/distribution.png")
    @Produces("image/png")
    public Response distribution(@PathParam("id") String id, @PathParam("problemId") String problemId) {
        ProblemDeepDive dive = backend.call(c -> c.problemDive(id, problemId));
        return Response.ok(Charts.distribution(dive, lang.zh()), "image/png")
                .header("Cache-Control", "private, max-age=30").build();
    }
}
