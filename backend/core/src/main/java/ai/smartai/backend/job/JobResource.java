package ai.smartai.backend.job;

import io.smallrye.common.annotation.Blocking;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import ai.smartai.backend.account.AccountService;
import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.metrics.OpsMetrics;
import ai.smartai.model.job.JobView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/jobs/{jobId}")
@Authenticated
public class JobResource {

    /** How often the event stream looks for changes. It reads the database, so it works across replicas. */
    static final Duration POLL = Duration.ofMillis(100);
    /** How often it checks that the session that opened it is still valid (logout, expiry, a disabled account). */
    static final int SESSION_CHECK_EVERY = 10;

    @Inject
    JobService jobs;

    @Inject
    SecurityIdentity identity;

    @Inject
    AccountService accounts;

    @GET
    public JobView get(@PathParam("jobId") String jobId) {
        return jobs.view(CurrentUser.require(identity), jobId);
    }

    /** The job as Server-Sent Events: the current state at once, then every change, until it finishes. */
    @GET
    @Path("/events")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<JobView> events(@PathParam("jobId") String jobId) {
        CurrentUser user = CurrentUser.require(identity);
        String token = CurrentUser.token(identity);
        JobView first = jobs.view(user, jobId);
        return Multi.createFrom().emitter(emitter -> {
            emitter.emit(first);
            if (first.status().isFinished()) {
                emitter.complete();
                return;
            }
            OpsMetrics.streamOpened();
            AtomicReference<JobView> last = new AtomicReference<>(first);
            ScheduledExecutorService scheduler = Infrastructure.getDefaultWorkerPool();
            AtomicReference<ScheduledFuture<?>> poll = new AtomicReference<>();
            AtomicInteger ticks = new AtomicInteger();
            poll.set(scheduler.scheduleWithFixedDelay(() -> {
                try {
                    if (ticks.incrementAndGet() % SESSION_CHECK_EVERY == 0 && accounts.authenticate(token).isEmpty()) {
                        // The session ended: the stream ends with it.
                        emitter.complete();
                        poll.get().cancel(false);
                        return;
                    }
                    JobView now = jobs.view(user, jobId);
                    if (!now.equals(last.getAndSet(now))) {
                        emitter.emit(now);
                    }
                    if (now.status().isFinished()) {
                        emitter.complete();
                        poll.get().cancel(false);
                    }
                } catch (RuntimeException e) {
                    emitter.fail(e);
                    poll.get().cancel(false);
                }
            }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS));
            emitter.onTermination(() -> {
                poll.get().cancel(false);
                OpsMetrics.streamClosed();
            });
        });
    }

    @POST
    @Path("/cancel")
    public JobView cancel(@PathParam("jobId") String jobId) {
        return jobs.cancel(CurrentUser.require(identity), jobId);
    }

    @POST
    @Path("/pause")
    public JobView pause(@PathParam("jobId") String jobId) {
        return jobs.pause(CurrentUser.require(identity), jobId);
    }

    @POST
    @Path("/resume")
    public JobView resume(@PathParam("jobId") String jobId) {
        return jobs.resume(CurrentUser.require(identity), jobId);
    }
}
