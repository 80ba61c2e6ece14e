package ai.smartai.backend.grading;

import static ai.smartai.backend.testing.Uploads.DEMO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.smartai.backend.db.Db;
import ai.smartai.backend.db.Json;
import ai.smartai.backend.job.Classes;
import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Grading through a real RabbitMQ ({@code SMARTAI_QUEUE=rabbitmq}) on H2. The queues of this run carry a prefix of
 * their own, so stale messages of other runs cannot interfere, and are deleted afterwards. Skipped when no broker
 * answers on 127.0.0.1:5672.
 */
@QuarkusTest
@TestProfile(RabbitUnitQueueTest.Broker.class)
class RabbitUnitQueueTest {

    static final String URL = "amqp://guest:guest@127.0.0.1:5672/";
    static final String PREFIX = "smartai-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final int PROBLEMS = 9;
    /** The problems tools grade fastest (choice, CAS): the runs that need many units grade only these. */
    private static final List<String> FAST_PROBLEMS = List.of("q1", "q2", "q3", "q4");
    private static final Map<String, Object> FAST = Map.of("scope", Map.of("problemIds", FAST_PROBLEMS));
    /** Choice problems only: quick and steady even on a loaded machine, so the order of the two runs is the test. */
    private static final List<String> CHOICE = List.of("q1", "q2");
    private static final int BIG = 100;
    /** Tasks this run made, whose queues are deleted at the end. */
    private static final Set<String> TASKS = ConcurrentHashMap.newKeySet();

    public static class Broker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("smartai.queue", "rabbitmq", "smartai.rabbitmq.url", URL, "smartai.rabbitmq.prefix", PREFIX);
        }
    }

    @Inject
    RabbitUnitQueue queue;

    @Inject
    Db db;

    String token;

    @BeforeAll
    static void brokerAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 5672), 1000);
        } catch (Exception e) {
            Assumptions.abort("no RabbitMQ answers on 127.0.0.1:5672 (" + e.getMessage() + ")");
        }
    }

    @AfterAll
    static void deleteQueues() throws Exception {
        try (Connection c = factory().newConnection(); Channel ch = c.createChannel()) {
            for (String task : TASKS) {
                ch.queueDelete(PREFIX + ".task." + task);
            }
            ch.queueDelete(PREFIX + ".dead");
            ch.exchangeDelete(PREFIX + ".dead");
            ch.exchangeDelete(PREFIX + ".tasks");
        }
    }

    @BeforeEach
    void setUp() throws InterruptedException {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        token = Api.newTeacherToken();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!queue.connected()) {
            assertThat(System.nanoTime()).as("connected to the broker").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aClassGradedThroughTheReadyBrokerEndsWithOneGradePerAnswerAndARedeliveryIsNotGradedAgain() throws Exception {
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'rabbitmq' }.status", equalTo("UP"));
        int students = 8;
        String task = classOf(students, "8");
        long publishedBefore = queue.published();
        Map<String, Object> job = Uploads.awaitJob(token, grade(task, FAST));
        assertThat(job.get("status")).isEqualTo("succeeded");
        assertThat(job.get("done")).isEqualTo(students * FAST_PROBLEMS.size());
        assertThat(queue.published() - publishedBefore).as("every unit went through the broker")
                .isEqualTo(students * FAST_PROBLEMS.size());
        List<Map<String, Object>> grades = grades(task);
        assertThat(grades).hasSize(students * FAST_PROBLEMS.size());
        assertThat(grades.stream().map(g -> g.get("studentId") + "/" + g.get("problemId")).distinct())
                .hasSize(students * FAST_PROBLEMS.size());
        assertThat(grades).allSatisfy(g -> assertThat(g.get("method")).isNotNull());

        // A replica died holding these units: the broker hands them out again while the job still runs.
        String jobId = (String) job.get("id");
        Map<String, Instant> gradedAt = gradedAt(task);
        setStatus(jobId, "RUNNING");
        try (Connection c = factory().newConnection(); Channel ch = c.createChannel()) {
            for (Object[] unit : units(task, 5)) {
                WorkUnit again = new WorkUnit(jobId, task, (String) unit[0], (String) unit[1], (String) unit[2]);
                ch.basicPublish("", queue.queue(task), new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                        Json.write(again).getBytes(StandardCharsets.UTF_8));
            }
            drained(ch, queue.queue(task));
        } finally {
            setStatus(jobId, "SUCCEEDED");
        }
        // Storing a grade again would give it a new time.
        assertThat(gradedAt(task)).as("no redelivered unit was graded again").isEqualTo(gradedAt);
    }

    @Test
    void aUnitThatFailsEachTimeEndsInTheDeadLetterQueueAsAGradeWithNoScore() throws Exception {
        String task = classOf(2, "81");
        String uid = QuarkusTransaction.requiringNew().call(() -> (String) db.em()
                .createNativeQuery("select uid from student where task_id = ?1 order by student_id")
                .setParameter(1, task).setMaxResults(1).getSingleResult());
        // Storing this answer's scored grade fails every time, as a broken row would; a grade with no score stores.
        String constraint = "poison_" + task;
        QuarkusTransaction.requiringNew().run(() -> db.em().createNativeQuery("alter table grade add constraint "
                + constraint + " check (student_uid <> '" + uid + "' or problem_id <> 'q1' or score is null)")
                .executeUpdate());
        long deadBefore = queue.deadLettered();
        try {
            Map<String, Object> job = Uploads.awaitJob(token, grade(task, Map.of()));
            assertThat(job.get("status")).isEqualTo("succeeded");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> db.em().createNativeQuery("alter table grade drop constraint "
                    + constraint).executeUpdate());
        }
        assertThat(queue.deadLettered() - deadBefore).as("units set aside from the dead-letter queue").isEqualTo(1);
        List<Map<String, Object>> grades = grades(task);
        assertThat(grades).hasSize(2 * PROBLEMS);
        Map<String, Object> poison = grades.stream().filter(g -> g.get("score") == null
                && "q1".equals(g.get("problemId"))).findFirst().orElseThrow();
        assertThat(poison.get("needsReview")).isEqualTo(true);
        assertThat(poison.get("reviewReasons").toString()).contains("failed " + UnitAttempt.QUARANTINE_AFTER
                + " times");
        assertThat(grades.stream().filter(g -> "q1".equals(g.get("problemId")) && g.get("score") != null)).hasSize(1);
    }

    @Test
    void aSmallTaskQueuedAfterABigOneIsNotHeldUp() throws Exception {
        String big = classOf(BIG, "82");
        String small = classOf(2, "83");
        Map<String, Object> scope = Map.of("scope", Map.of("problemIds", CHOICE));
        String bigJob = grade(big, scope);
        long t0 = System.nanoTime();
        Map<String, Object> smallDone = Uploads.awaitJob(token, grade(small, scope));
        Duration waited = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(smallDone.get("status")).isEqualTo("succeeded");
        Map<String, Object> bigDone = Uploads.awaitJob(token, bigJob);
        assertThat(bigDone.get("status")).isEqualTo("succeeded");
        assertThat(Instant.parse((String) smallDone.get("finishedAt")))
                .as("the small class (waited %s) finished before the big one", waited)
                .isBefore(Instant.parse((String) bigDone.get("finishedAt")));
        assertThat(grades(big)).hasSize(BIG * CHOICE.size());
    }

    @Test
    void aPauseStopsAtAUnitBoundaryAndTheResumeGradesTheRest() throws Exception {
        int students = 40;
        int answers = students * FAST_PROBLEMS.size();
        String task = classOf(students, "84");
        String jobId = grade(task, FAST);
        awaitJob(jobId, j -> ((Number) j.get("done")).intValue() > 0);
        Api.as(token).post("/api/jobs/" + jobId + "/pause").then().statusCode(200);
        // Units in hand end (at most a worker's unit each, a CAS check within its 3 s limit and 1.5 s grace: a unit
        // that ended 2.5 s after the pause on a loaded machine failed a 1.5 s wait); then nothing more is graded.
        Thread.sleep(5000);
        int graded = grades(task).size();
        Thread.sleep(2000);
        assertThat(grades(task)).as("no unit graded while paused").hasSize(graded);
        assertThat(graded).isLessThan(answers);
        Api.as(token).post("/api/jobs/" + jobId + "/resume").then().statusCode(200);
        Map<String, Object> done = Uploads.awaitJob(token, jobId);
        assertThat(done.get("status")).isEqualTo("succeeded");
        assertThat(done.get("done")).isEqualTo(answers);
        assertThat(done.get("total")).as("the whole job").isEqualTo(answers);
        assertThat(grades(task)).hasSize(answers);
    }

    private static ConnectionFactory factory() throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(URL);
        f.setVirtualHost("/");
        return f;
    }

    private static void drained(Channel ch, String queueName) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ch.queueDeclarePassive(queueName).getMessageCount() > 0) {
            assertThat(System.nanoTime()).as("the broker handed the units out").isLessThan(deadline);
            Thread.sleep(50);
        }
        // Taken is not yet processed: give the workers a moment to settle the last ones.
        Thread.sleep(1000);
    }

    private Map<String, Instant> gradedAt(String task) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> at = new HashMap<>();
            db.em().createQuery("from Grade where taskId = :t", Grade.class).setParameter("t", task).getResultList()
                    .forEach(g -> at.put(g.getStudentUid() + "/" + g.getProblemId(), g.getGradedAt()));
            return at;
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> units(String task, int count) {
        return QuarkusTransaction.requiringNew().call(() -> db.em().createNativeQuery("select s.uid, s.student_id,"
                + " g.problem_id from grade g join student s on s.uid = g.student_uid where g.task_id = ?1")
                .setParameter(1, task).setMaxResults(count).getResultList());
    }

    private void setStatus(String jobId, String status) {
        QuarkusTransaction.requiringNew()
                .run(() -> db.em().createNativeQuery("update job set status = ?1 where id = ?2")
                        .setParameter(1, status).setParameter(2, jobId).executeUpdate());
    }

    private String classOf(int students, String idPrefix) throws Exception {
        String task = Uploads.newTask(token, "broker");
        TASKS.add(task);
        Uploads.uploadAndWait(token, task, "problems", DEMO.resolve("problems.md"));
        Uploads.uploadAndWait(token, task, "answer-key", DEMO.resolve("answer-key.md"));
        String upload = Uploads.upload(token, task, "submissions", "class.zip",
                Classes.archive(DEMO, students, idPrefix, UUID.randomUUID().toString())).then().statusCode(202)
                .extract().path("jobId");
        assertThat(Uploads.awaitJob(token, upload).get("status")).isEqualTo("succeeded");
        return task;
    }

    private String grade(String task, Map<String, Object> body) {
        return Api.as(token).body(body).post("/api/tasks/" + task + "/grading").then().statusCode(202).extract()
                .path("jobId");
    }

    private List<Map<String, Object>> grades(String task) {
        return Api.as(token).get("/api/tasks/" + task + "/grades").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    private Map<String, Object> awaitJob(String jobId, Predicate<Map<String, Object>> until)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Map<String, Object> job = Api.as(token).get("/api/jobs/" + jobId).then().statusCode(200).extract()
                    .jsonPath().getMap("$");
            if (until.test(job)) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s: %s", jobId, job).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
