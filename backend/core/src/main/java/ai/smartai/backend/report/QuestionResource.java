package ai.smartai.backend.report;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.report.ClassAnswer;
import ai.smartai.model.report.ClassQuestion;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Questions about a task's class, answered from computed analytics. */
@Path("/api/tasks/{id}/questions")
@Authenticated
public class QuestionResource {

    @Inject
    QuestionService questions;

    @Inject
    SecurityIdentity identity;

    @POST
    public ClassAnswer ask(@PathParam("id") String taskId, @Valid @NotNull ClassQuestion question) {
        return questions.answer(CurrentUser.require(identity), taskId, question);
    }
}
