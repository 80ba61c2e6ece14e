package ai.smartai.backend.report;

import java.util.concurrent.CompletionStage;

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
import io.smallrye.common.annotation.Blocking;

/** Questions about a task's class, answered from computed analytics. */
@Path("/api/tasks/{id}/questions")
@Authenticated
public class QuestionResource {

    @Inject
    ModelQuestions questions;

    @Inject
    SecurityIdentity identity;

    /** The worker thread only looks up; a provider is called on the bulkhead, never on the request's thread. */
    @POST
    @Blocking
    public CompletionStage<ClassAnswer> ask(@PathParam("id") String taskId, @Valid @NotNull ClassQuestion question) {
        return questions.ask(CurrentUser.require(identity), taskId, question);
    }
}
