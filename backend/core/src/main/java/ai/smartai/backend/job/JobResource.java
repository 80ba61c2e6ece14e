package ai.smartai.backend.job;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.job.JobView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/jobs")
@Authenticated
public class JobResource {

    @Inject
    JobService jobs;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{jobId}")
    public JobView get(@PathParam("jobId") String jobId) {
        return jobs.view(CurrentUser.require(identity), jobId);
    }
}
