package ai.smartai.backend.analytics;

import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.analytics.Analytics;
import ai.smartai.model.analytics.MistakeSummary;
import ai.smartai.model.analytics.ProblemDeepDive;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

@Path("/api/tasks/{id}/analytics")
@Authenticated
public class AnalyticsResource {

    @Inject
    AnalyticsService analytics;

    @Inject
    SecurityIdentity identity;

    @GET
    public Analytics get(@PathParam("id") String taskId) {
        return analytics.analytics(CurrentUser.require(identity), taskId);
    }

    @Inject
    MistakeSummarizer summarizer;

    /**
     * An LLM's summary of the problem's common mistakes, from counts and quotes computed here. The worker thread only
     * gathers them; the provider is called on the bulkhead.
     */
    @POST
    @Path("/problems/{problemId}/summary")
    @Blocking
    public CompletionStage<MistakeSummary> summary(@PathParam("id") String taskId,
            @PathParam("problemId") String problemId) {
        return summarizer.summarize(CurrentUser.require(identity), taskId, problemId);
    }

    @GET
    @Path("/problems/{problemId}")
    public ProblemDeepDive problem(@PathParam("id") String taskId, @PathParam("problemId") String problemId) {
        return analytics.problem(CurrentUser.require(identity), taskId, problemId);
    }
}
