package ai.smartai.backend.job;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.jboss.resteasy.reactive.RestStreamElementType;

@Path("/api/jobs/{jobId}")
@Authenticated
public class JobResource {

    @Inject
    JobService jobs;

    @Inject
    SecurityIdentity identity;

    @Inject
    AccountService accounts;

    @Inject
    JobEvents changes;

    /**
     * The event stream wakes on {@link JobEvents} (a change committed on any replica); its slow look at the database
     * every {@code stream-recheck} is only the safety net for a notification lost while the listener reconnected, and
     * checks that the session that opened the stream is still valid (logout, expiry, a disabled account).
     */
    @Inject
    JobsConfig config;

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
            ScheduledExecutorService workers = Infrastructure.getDefaultWorkerPool();
            AtomicBoolean ended = new AtomicBoolean();
            AtomicBoolean pending = new AtomicBoolean();
            // One look at the job at a time, on a worker thread; wake-ups that arrive meanwhile make one more look.
            Runnable look = () -> {
                pending.set(false);
                synchronized (last) {
                    if (ended.get()) {
                        return;
                    }
                    try {
                        JobView now = jobs.view(user, jobId);
                        if (!now.equals(last.getAndSet(now))) {
                            emitter.emit(now);
                        }
                        if (now.status().isFinished() && ended.compareAndSet(false, true)) {
                            emitter.complete();
                        }
                    } catch (RuntimeException e) {
                        if (ended.compareAndSet(false, true)) {
                            emitter.fail(e);
                        }
                    }
                }
            };
            Runnable wake = () -> {
                if (pending.compareAndSet(false, true)) {
                    workers.execute(look);
                }
            };
            JobEvents.Subscription subscription = changes.subscribe(jobId, wake);
            ScheduledFuture<?> fallback = workers.scheduleWithFixedDelay(() -> {
                try {
                    if (accounts.authenticate(token).isEmpty()) {
                        // The session ended: the stream ends with it.
                        if (ended.compareAndSet(false, true)) {
                            emitter.complete();
                        }
                        return;
                    }
                } catch (RuntimeException e) {
                    if (ended.compareAndSet(false, true)) {
                        emitter.fail(e);
                    }
                    return;
                }
                wake.run();
            }, config.streamRecheck().toMillis(), config.streamRecheck().toMillis(), TimeUnit.MILLISECONDS);
            emitter.onTermination(() -> {
                ended.set(true);
                subscription.close();
                fallback.cancel(false);
                OpsMetrics.streamClosed();
            });
            // A change committed between the first read and the subscription is looked for once.
            wake.run();
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
