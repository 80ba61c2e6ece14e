package ai.smartai.backend.job;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Db;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import ai.smartai.model.account.Role;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.jboss.logging.Logger;

/**
 * Two replicas of the job machinery on one database: this application's {@link JobService} and a second one with a
 * replica id of its own, built from the same beans, as a second pod would be. Leases are short here so a takeover
 * happens within the test.
 */
@QuarkusTest
@TestProfile(JobLeaseTest.ShortLeases.class)
class JobLeaseTest {

    static final Duration LEASE = Duration.ofSeconds(4);
    static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final Logger LOG = Logger.getLogger(JobLeaseTest.class);
    private static final int PROBLEMS = 9;
    /**
     * Choice and CAS problems: what a lease does does not depend on the graders, and the whole mix's slow CAS checks
     * and sandbox runs made each run a minute. The takeover test grades all nine, as a job created without a scope.
     */
    private static final List<String> QUICK = List.of("q1", "q2", "q3", "q4");
    private static final Map<String, Object> QUICK_SCOPE = Map.of("scope", Map.of("problemIds", QUICK));

    public static class ShortLeases implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return leases();
        }
    }

    static Map<String, String> leases() {
        return Map.of("smartai.jobs.lease", LEASE.toMillis() + "ms", "smartai.jobs.heartbeat",
                HEARTBEAT.toMillis() + "ms");
    }

    @Inject
    JobService replicaA;

    @Inject
    JobRepository jobs;

    @Inject
    JobsConfig config;

    @Inject
    Db db;

    @Inject
    @Any
    Instance<JobHandler> handlers;

    String token;

    @BeforeEach
    void setUp() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
    }

    @Test
    void aJobWhoseOwnerDiedIsTakenOverByALiveReplicaAndCountsTheWholeJob() throws Exception {
        int students = 10;
        String task = classOf(students);
        // An earlier run graded two of the nine problems.
        Uploads.awaitJob(token, grade(task, Map.of("scope", Map.of("problemIds", List.of("q1", "q2")))));
        int total = students * PROBLEMS;
        int doneBefore = students * 2;
        // A replica that died mid-run: it claimed the job, counted its progress, and stopped renewing the lease.
        Instant leaseEnds = Instant.now().plus(LEASE);
        String jobId = QuarkusTransaction.requiringNew().call(() -> {
            Job job = new Job(Ids.newId(), task, ownerOf(task), JobKind.GRADING, Instant.now());
            jobs.persist(job);
            db.em().flush();
            assertThat(jobs.claim(job.getId(), "dead-replica", Instant.now(), leaseEnds)).isTrue();
            jobs.transition(job.getId(), List.of(JobStatus.QUEUED), JobStatus.RUNNING, Instant.now());
            jobs.progress(job.getId(), doneBefore, total, "s0001 / q2");
            return job.getId();
        });

        while (Instant.now().isBefore(leaseEnds.minusMillis(500))) {
            Job job = stored(jobId);
            assertThat(job.getLeaseOwner()).as("a live lease is never taken").isEqualTo("dead-replica");
            assertThat(job.getDone()).isEqualTo(doneBefore);
            Thread.sleep(100);
        }
        Job taken = await(jobId, j -> !"dead-replica".equals(j.getLeaseOwner()), Duration.ofSeconds(30));
        Duration takeover = Duration.between(leaseEnds, Instant.now());
        LOG.infof("Job taken over %d ms after its owner's lease ran out", takeover.toMillis());
        assertThat(takeover).as("taken over within a heartbeat of the lease's end (plus a slow machine's slack)")
                .isLessThan(HEARTBEAT.plusSeconds(10));

        List<Integer> seen = new ArrayList<>();
        Job finished = await(jobId, j -> {
            seen.add(j.getDone());
            assertThat(j.getTotal()).as("the whole job's total").isEqualTo(total);
            return j.getStatus().isFinished();
        }, Duration.ofSeconds(120));
        assertThat(taken.getLeaseOwner()).isEqualTo(replicaA.replica());
        assertThat(finished.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(finished.getDone()).isEqualTo(total);
        assertThat(seen).as("progress counts on from what the dead replica finished").allMatch(d -> d >= doneBefore)
                .isSorted();
        assertThat(finished.getLeaseOwner()).as("a finished job holds no lease").isNull();
        everyAnswerGradedOnce(task, total);
    }

    @Test
    void aStartingReplicaNeverTakesAJobWhoseLeaseIsLive() throws Exception {
        int students = 15;
        String task = classOf(students);
        String jobId = grade(task, QUICK_SCOPE);
        await(jobId, j -> j.getStatus() == JobStatus.RUNNING && j.getLeaseOwner() != null, Duration.ofSeconds(30));
        JobService replicaB = replica("replica-b");
        replicaB.startHeartbeat();
        try {
            Job finished = await(jobId, j -> {
                if (!j.getStatus().isFinished()) {
                    assertThat(j.getLeaseOwner()).isEqualTo(replicaA.replica());
                }
                return j.getStatus().isFinished();
            }, Duration.ofSeconds(120));
            assertThat(finished.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(finished.getDone()).isEqualTo(finished.getTotal()).isEqualTo(students * QUICK.size());
        } finally {
            stop(replicaB);
        }
        everyAnswerGradedOnce(task, students * QUICK.size());
    }

    @Test
    void aPauseReceivedByAnotherReplicaStopsTheRunAtAUnitBoundaryAndItsResumeFinishesIt() throws Exception {
        int students = 15;
        String task = classOf(students);
        String jobId = gradingUnderway(task);
        JobService replicaB = replica("replica-b");
        replicaB.startHeartbeat();
        CurrentUser owner = new CurrentUser(ownerOf(task), "owner", Role.TEACHER);
        try {
            assertThat(replicaB.pause(owner, jobId).status()).isEqualTo(JobStatus.PAUSED);
            // Replica A reads the pause with its next heartbeat and takes no new unit after it.
            Job released = await(jobId, j -> j.getLeaseOwner() == null, Duration.ofSeconds(30));
            Thread.sleep(HEARTBEAT.multipliedBy(3).toMillis());
            Job paused = stored(jobId);
            assertThat(paused.getStatus()).isEqualTo(JobStatus.PAUSED);
            assertThat(paused.getDone()).isEqualTo(released.getDone()).isLessThan(students * QUICK.size());

            replicaB.resume(owner, jobId);
            Job finished = await(jobId, j -> j.getStatus().isFinished(), Duration.ofSeconds(120));
            assertThat(finished.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(finished.getTotal()).as("the whole job, not the units left at the resume")
                    .isEqualTo(students * QUICK.size());
        } finally {
            stop(replicaB);
        }
        everyAnswerGradedOnce(task, students * QUICK.size());
    }

    @Test
    void aReplicaThatLostItsLeaseStopsTakingUnitsAndLeavesTheJobToTheNewOwner() throws Exception {
        int students = 10;
        String task = classOf(students);
        String jobId = gradingUnderway(task);
        // This replica stalled past its lease and another one claimed the job meanwhile.
        Instant theirs = Instant.now().plusSeconds(15);
        QuarkusTransaction.requiringNew().run(() -> db.em()
                .createQuery("update Job set leaseOwner = 'replica-x', leaseUntil = :until where id = :id")
                .setParameter("until", theirs).setParameter("id", jobId).executeUpdate());
        int last = -1;
        Job job = stored(jobId);
        while (job.getDone() != last) {
            last = job.getDone();
            Thread.sleep(HEARTBEAT.multipliedBy(4).toMillis());
            job = stored(jobId);
            assertThat(Instant.now()).as("the old owner stops before the new one's lease ends").isBefore(theirs);
        }
        assertThat(job.getStatus()).as("the old owner does not finish a job it lost").isEqualTo(JobStatus.RUNNING);
        assertThat(job.getLeaseOwner()).isEqualTo("replica-x");
        assertThat(job.getDone()).isLessThan(students * QUICK.size());
        // The new owner dies in turn: this replica takes the job back once that lease ran out, and finishes it. The
        // lease is ended now rather than waited out, which the first test already measures.
        QuarkusTransaction.requiringNew().run(() -> db.em()
                .createQuery("update Job set leaseUntil = :until where id = :id and leaseOwner = 'replica-x'")
                .setParameter("until", Instant.now()).setParameter("id", jobId).executeUpdate());
        Job finished = await(jobId, j -> j.getStatus().isFinished(), Duration.ofSeconds(300));
        assertThat(finished.getStatus()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(finished.getDone()).isEqualTo(finished.getTotal()).isEqualTo(students * QUICK.size());
        everyAnswerGradedOnce(task, students * QUICK.size());
    }

    /** A second replica: the same repository and handlers, its own pools, heartbeat and name. */
    private JobService replica(String id) {
        JobService replica = new JobService();
        replica.jobs = jobs;
        replica.handlers = handlers;
        replica.config = config;
        replica.db = db;
        replica.replicaId = id;
        return replica;
    }

    private static void stop(JobService replica) {
        replica.onStop(null);
        replica.awaitSafePoint();
    }

    /** One grade per answer, and no answer's tools ran twice (a unit's attempts are counted before grading). */
    private void everyAnswerGradedOnce(String task, int answers) {
        Api.as(token).get("/api/tasks/" + task + "/grades").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(answers));
        Number most = QuarkusTransaction.requiringNew().call(() -> (Number) db.em()
                .createNativeQuery("select coalesce(max(attempts), 0) from unit_attempt where task_id = ?1")
                .setParameter(1, task).getSingleResult());
        assertThat(most.intValue()).as("attempts of the most tried answer").isLessThanOrEqualTo(1);
    }

    private String classOf(int students) throws Exception {
        String task = Uploads.newTask(token, "replicas");
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
        String upload = Uploads.upload(token, task, "submissions", "class.zip",
                Classes.archive(DEMO, students, "5", UUID.randomUUID().toString())).then().statusCode(202).extract()
                .path("jobId");
        assertThat(Uploads.awaitJob(token, upload).get("status")).isEqualTo("succeeded");
        return task;
    }

    private String grade(String task, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/tasks/" + task + "/grading").then().statusCode(202).extract()
                .path("jobId");
    }

    /** Starts grading the class's quick problems and waits until the run has stored its first answers. */
    private String gradingUnderway(String task) throws InterruptedException {
        String jobId = grade(task, QUICK_SCOPE);
        await(jobId, j -> j.getStatus() == JobStatus.RUNNING && j.getDone() > 0, Duration.ofSeconds(60));
        return jobId;
    }

    private String ownerOf(String task) {
        return QuarkusTransaction.requiringNew().call(() -> (String) db.em()
                .createNativeQuery("select owner_id from task where id = ?1").setParameter(1, task)
                .getSingleResult());
    }

    private Job stored(String jobId) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.find(jobId).orElseThrow());
    }

    private Job await(String jobId, Predicate<Job> until, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (true) {
            Job job = stored(jobId);
            if (until.test(job)) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s: %s %d/%d, lease %s", jobId, job.getStatus(), job.getDone(),
                    job.getTotal(), job.getLeaseOwner()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
