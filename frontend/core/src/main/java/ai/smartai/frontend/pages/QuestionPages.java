package ai.smartai.frontend.pages;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import ai.smartai.frontend.backend.Backend;
import ai.smartai.frontend.i18n.Lang;
import ai.smartai.frontend.session.SignedIn;
import ai.smartai.model.account.AccountView;
import ai.smartai.model.report.ClassAnswer;
import ai.smartai.model.report.ClassQuestion;
import ai.smartai.model.task.TaskDetail;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** A question about the class (from the analytics page) and the backend's computed answer with its table. */
@Path("/")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class QuestionPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance answer(AnswerPage page);
    }

    public record AnswerPage(AccountView user, TaskDetail task, String question, ClassAnswer answer) {
    }

    @Inject
    Backend backend;

    @Inject
    Lang lang;

    @GET
    @Path("tasks/{id}/questions")
    public TemplateInstance ask(@PathParam("id") String id, @QueryParam("q") String q) {
        String question = q == null ? "" : q.strip();
        ClassAnswer answer = question.isEmpty() ? null
                : backend.call(c -> c.ask(id, new ClassQuestion(question, lang.zh() ? "zh" : "en")));
        return Templates.answer(new AnswerPage(backend.call(c -> c.me()), backend.call(c -> c.task(id)), question,
                answer));
    }
}
