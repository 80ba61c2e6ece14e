package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Backend replicas grading through RabbitMQ on one PostgreSQL, with an expert (a local OpenAI-format stub) that every
 * program answer asks: pause and cancel through the replica that does not run the job, a replica restarted while
 * another runs a job, and the job's owner killed mid-run. One set of processes serves all three, in this order (the
 * second restarts a replica, the last kills one): two replicas, and one start more for the restart. Each checks one
 * grade per answer and counts what ran: grader runs from the replicas' metrics (summed, a replica's last count read
 * before it goes) and the expert's requests, which outlive every replica.
 * <p>
 * The expert can hold its replies. Each replica has {@link #WORKERS} grading workers and takes as many units from the
 * broker, and a worker waits for its unit's expert; so once {@code WORKERS ×} replicas requests wait at the expert,
 * every unit in any replica's hands is there, and nothing else runs. Skipped without PostgreSQL and RabbitMQ on
 * 127.0.0.1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerReplicasIT {

    /** Two choice problems and a program: quick to grade, with the sandbox's runs to be killed among. */
    static final String SCOPE = "{\"scope\":{\"problemIds\":[\"q1\",\"q2\",\"q6\"]}}";
    static final int PER_STUDENT = 3;
    static final int WORKERS = 2;
    static final int REPLICAS = 2;

    static OpenAiStub expert;
    static BrokerReplicas cluster;

    @BeforeAll
    static void start() throws Exception {
        expert = new OpenAiStub();
        cluster = new BrokerReplicas("smartai_broker_it", "rabbitmq")
                .with("SMARTAI_LLM_ALLOWED_HOSTS", "127.0.0.1:" + expert.port())
                .with("SMARTAI_GRADING_WORKERS", Integer.toString(WORKERS))
                // Replies held through a replica's start are the test's doing, not a slow provider to retry.
                .with("SMARTAI_LLM_TIMEOUT", "10m")
                .with("SMARTAI_LLM_MAX_WAIT", "15m")
                // A stopping replica finishes its units in hand on a loaded machine too (within AppProcess.stop's 45 s).
                .with("SMARTAI_RABBITMQ_DRAIN", "40s")
                // Each unit's delivery, acknowledgement and skip, and each retry of the expert, for the failure story.
                .with("QUARKUS_LOG_CATEGORY__AI_SMARTAI_BACKEND_GRADING__LEVEL", "DEBUG")
                .with("QUARKUS_LOG_CATEGORY__AI_SMARTAI_BACKEND_LLM__LEVEL", "DEBUG");
        cluster.start(REPLICAS);
        var added = Http.postJson(replica(0).uri("/api/providers"), "{\"kind\":\"openai\",\"baseUrl\":\""
                + expert.baseUrl() + "\",\"apiKey\":\"sk-replicas-stub-0001\",\"model\":\"" + OpenAiStub.MODEL
                + "\"}", "Authorization", "Bearer " + cluster.token);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (expert != null) {
            expert.close();
        }
    }

    @Test
    @Order(1)
    void pauseAndCancelThroughTheReplicaThatDoesNotRunTheJob() throws Exception {
        Stalled run = stalledRun(12);
        AppProcess other = notRunning(run.jobId());
        int inHands = expert.waiting();
        int stored = grades(run.task()).size();
        assertThat(control(other, run.jobId(), "pause")).isEqualTo("paused");
        expert.open();
        // The units in hand at the pause finish; none starts after it, on any replica.
        Map<String, Object> paused = settle(other, run.jobId(), run.task(), stored + inHands);
        assertThat(paused.get("status")).isEqualTo("paused");
        assertThat(expert.requests()).as("no unit asked the expert after the pause").hasSize(run.asked() + inHands);

        expert.hold();
        assertThat(control(other, run.jobId(), "resume")).isEqualTo("queued");
        awaitStall();
        other = notRunning(run.jobId());
        inHands = expert.waiting();
        stored = grades(run.task()).size();
        assertThat(control(other, run.jobId(), "cancel")).isEqualTo("cancelled");
        expert.open();
        Map<String, Object> cancelled = settle(other, run.jobId(), run.task(), stored + inHands);
        assertThat(cancelled.get("status")).isEqualTo("cancelled");
        assertThat(cancelled.get("total")).as("the whole job, across the pause").isEqualTo(run.answers());

        // A new run grades only what the cancelled one left.
        String rest = cluster.grade(replica(1), run.task(), SCOPE);
        Map<String, Object> finished = cluster.await(replica(0), rest, j -> "succeeded".equals(j.get("status")), 300);
        assertThat(finished.get("total")).isEqualTo(run.answers() - stored - inHands);
        ranOnce(run.task(), run.answers(), run.runsBefore(), run.asked(), 0);
    }

    @Test
    @Order(2)
    void aReplicaRestartedWhileAnotherRunsAJobTakesNothingOver() throws Exception {
        Stalled run = stalledRun(12);
        String owner = cluster.leaseOwner(run.jobId());
        int restarted = cluster.ids.get(0).equals(owner) ? 1 : 0;
        AppProcess old = replica(restarted);
        // Its units in hand wait at the expert, their graders run: after SIGTERM it finishes these and starts none.
        double oldRuns = BrokerReplicas.graderRuns(old);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return old.stop();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await(() -> old.output().contains("grading unit(s) in hand are finished first"), 60, "the stop's drain");
        expert.answerHeld();
        exit.get();
        assertThat(old.output()).as("the stopping replica finished its units in hand")
                .doesNotContain("unfinished after");

        AppProcess fresh = cluster.replace(restarted, cluster.ids.get(restarted) + "-restarted");
        // Every worker, the new replica's too, waits at the expert again: the job is live, and it stays its owner's.
        awaitStall();
        Thread.sleep(2_000);
        Map<String, Object> live = cluster.job(fresh, run.jobId());
        assertThat(live.get("status")).as("%s", live).isEqualTo("running");
        assertThat(live.get("total")).isEqualTo(run.answers());
        assertThat(cluster.leaseOwner(run.jobId())).as("the live job is not taken over").isEqualTo(owner);

        expert.open();
        Map<String, Object> finished = cluster.await(fresh, run.jobId(), j -> "succeeded".equals(j.get("status")), 300);
        assertThat(finished.get("total")).isEqualTo(run.answers());
        assertThat(finished.get("done")).isEqualTo(run.answers());
        ranOnce(run.task(), run.answers(), run.runsBefore() - oldRuns, run.asked(), 0);
    }

    @Test
    @Order(3)
    void aKilledReplicasUnitsAreGradedByTheOtherExactlyOnce() throws Exception {
        int answers = 12 * PER_STUDENT;
        String task = cluster.task(12);
        double runsBefore = graderRuns();
        int asked = expert.requests().size();
        AppProcess owner = replica(0);
        AppProcess other = replica(1);
        double otherBefore = BrokerReplicas.stored(other);
        double ownerBefore = BrokerReplicas.stored(owner);
        String jobId = cluster.grade(owner, task, SCOPE);
        Map<String, Object> atKill = cluster.await(other, jobId, j -> (Integer) j.get("done") >= answers / 5, 600);
        assertThat(cluster.leaseOwner(jobId)).isEqualTo(cluster.ids.get(0));
        expert.hold();
        awaitStall();
        List<String> heldAtKill = expert.waitingBodies();
        double byOwner = BrokerReplicas.stored(owner) - ownerBefore;
        double ownerRuns = BrokerReplicas.graderRuns(owner);
        owner.kill();
        long killed = System.nanoTime();
        await(() -> cluster.ids.get(1).equals(leaseOwner(jobId)), 120, "the other replica's claim of the job");
        double takeover = (System.nanoTime() - killed) / 1e9;
        expert.open();

        Map<String, Object> finished = cluster.await(other, jobId, j -> "succeeded".equals(j.get("status")), 600);
        assertThat(finished.get("total")).as("the whole job").isEqualTo(answers);
        assertThat(finished.get("done")).isEqualTo(answers);
        double byOther = BrokerReplicas.stored(other) - otherBefore;
        // The owner's units in hand waited at the expert, unanswered: the other asks again for exactly those.
        List<String> sent = expert.requests().subList(asked, expert.requests().size());
        List<String> again = sent.stream().filter(p -> sent.indexOf(p) != sent.lastIndexOf(p)).distinct().toList();
        assertThat(again.size()).as("prompts asked again: %s; what the replicas logged:%s", expert.repeats(asked),
                cluster.unitLog()).isEqualTo(WORKERS);
        assertThat(heldAtKill).containsAll(again);
        Map<String, Object> ran = ranOnce(task, answers, runsBefore - ownerRuns, asked, WORKERS);
        System.out.printf("%nGraded through RabbitMQ with an expert: the owner killed at %s of %d done, with %d units "
                + "in hand at the expert; the other held its lease %.1f s later; grades stored: owner %.0f (before "
                + "the kill) + other %.0f; %s%n%n", atKill.get("done"), answers, WORKERS, takeover, byOwner, byOther,
                ran);
    }

    /** A task's grading job with every worker at the held expert, and the counts it started from. */
    private record Stalled(String task, String jobId, int answers, double runsBefore, int asked) {
    }

    private static Stalled stalledRun(int students) throws Exception {
        String task = cluster.task(students);
        double runsBefore = graderRuns();
        int asked = expert.requests().size();
        expert.hold();
        String jobId = cluster.grade(replica(0), task, SCOPE);
        awaitStall();
        return new Stalled(task, jobId, students * PER_STUDENT, runsBefore, asked);
    }

    /**
     * One grade per answer of the task, each unit's grader run once (from every replica's metrics since {@code
     * runsBefore}) and each unit that needs the expert asked once, plus {@code askedAgain} prompts of units a killed
     * replica held. Returns the counts.
     */
    private static Map<String, Object> ranOnce(String task, int answers, double runsBefore, int asked,
            int askedAgain) throws Exception {
        List<Map<String, Object>> grades = grades(task);
        assertThat(grades).hasSize(answers);
        assertThat(grades.stream().map(g -> g.get("studentId") + "/" + g.get("problemId")).distinct())
                .hasSize(answers);
        long tools = grades.stream().filter(BrokerReplicasIT::ranATool).count();
        long withExpert = grades.stream().filter(g -> g.get("experts") instanceof List<?> e && !e.isEmpty()).count();
        double runs = graderRuns() - runsBefore;
        List<String> sent = expert.requests().subList(asked, expert.requests().size());
        assertThat(withExpert).as("the program answers ask the expert").isPositive();
        assertThat(runs).as("grader runs, every replica's").isEqualTo((double) tools);
        assertThat(new HashSet<>(sent)).as("one prompt per unit that asks the expert").hasSize((int) withExpert);
        assertThat(sent.size()).as("the expert's requests; asked more than once: %s; what the replicas logged:%s",
                expert.repeats(asked), cluster.unitLog()).isEqualTo((int) withExpert + askedAgain);
        return Map.of("graderRuns", runs, "unitsWithTools", tools, "expertRequests", sent.size(),
                "unitsAskingTheExpert", withExpert);
    }

    /** Whether a grader ran for this grade: a blank or an answer not found on the sheet needs none. */
    private static boolean ranATool(Map<String, Object> grade) {
        return !(grade.get("evidence") instanceof List<?> evidence && evidence.stream()
                .anyMatch(e -> e instanceof Map<?, ?> m && ("blank".equals(m.get("kind"))
                        || "unmatched-text".equals(m.get("kind")))));
    }

    /** Waits until every worker of every replica holds a unit at the expert: every unit in hand, none elsewhere. */
    private static void awaitStall() throws Exception {
        await(() -> expert.waiting() == WORKERS * REPLICAS, 240, "every worker at the expert");
    }

    /**
     * Waits until the task has {@code grades} grades (with the units in hand at a pause or cancel), then a little longer
     * (two heartbeats) to see that no other unit is stored; the job's count then says what is stored.
     */
    private static Map<String, Object> settle(AppProcess app, String jobId, String task, int grades)
            throws Exception {
        await(() -> {
            try {
                return grades(task).size() >= grades;
            } catch (Exception e) {
                return false;
            }
        }, 120, grades + " grades");
        Thread.sleep(2_000);
        assertThat(grades(task)).as("stopped at a unit boundary").hasSize(grades);
        Map<String, Object> job = cluster.job(app, jobId);
        assertThat(job.get("done")).as("the job's count of what is stored: %s", job).isEqualTo(grades);
        return job;
    }

    private static String control(AppProcess app, String jobId, String action) throws Exception {
        var r = Http.postJson(app.uri("/api/jobs/" + jobId + "/" + action), "", "Authorization", "Bearer "
                + cluster.token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Http.field(r.body(), "status");
    }

    /** A replica that does not hold the job's lease. */
    private static AppProcess notRunning(String jobId) throws Exception {
        await(() -> leaseOwner(jobId) != null, 60, "a replica's claim of " + jobId);
        return replica(cluster.ids.get(0).equals(leaseOwner(jobId)) ? 1 : 0);
    }

    private static String leaseOwner(String jobId) {
        try {
            return cluster.leaseOwner(jobId);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static AppProcess replica(int i) {
        return cluster.replicas.get(i);
    }

    private static double graderRuns() throws Exception {
        double sum = 0;
        for (AppProcess r : cluster.replicas) {
            if (r.isAlive()) {
                sum += BrokerReplicas.graderRuns(r);
            }
        }
        return sum;
    }

    private static List<Map<String, Object>> grades(String task) throws Exception {
        AppProcess live = cluster.replicas.stream().filter(AppProcess::isAlive).reduce((a, b) -> b).orElseThrow();
        return CrashResumeIT.grades(live, cluster.token, task);
    }

    private static void await(BooleanSupplier until, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!until.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
