package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;

/**
 * Grading through RabbitMQ at scale, as processes (backend/app jars) on one PostgreSQL database of the bench's own
 * ({@code smartai_bench}, so PostgreSQL's statistics of it count only these runs): answers per second for 1, 2 and 3
 * replicas against the in-process queue on one, with what each answer cost the replicas' CPU, PostgreSQL and the
 * broker; the broker's own ceiling; 300 students with the job's owner killed; and the broker stopped for 10 s mid-run.
 * {@code ./mvnw verify -Pbench -pl backend/app,launcher -am -Dit.test=BrokerReplicasBench -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. Scaled by {@code -Dsmartai.bench.students=223} (× 9 problems = 2,007
 * answers), {@code -Dsmartai.bench.fast=true} (only the IT's quick problems: 3 a student),
 * {@code -Dsmartai.bench.runs=rabbitmq1,rabbitmq2,rabbitmq3,local1} and {@code -Dsmartai.bench.kill.students=300}.
 * The quick measurements run first, so a run cut short still has them; the broker stop stops the machine's broker for
 * everyone (run it alone: {@code -Dit.test=BrokerReplicasBench#theBrokerStoppedForTenSecondsMidRun}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerReplicasBench {

    static final String DATABASE = "smartai_bench";
    static final int STUDENTS = Integer.getInteger("smartai.bench.students", 223);
    /** {@code -Dsmartai.bench.fast=true}: only the IT's quick problems (two choice, one program), 3 per student. */
    static final boolean FAST = Boolean.getBoolean("smartai.bench.fast");
    static final int PER_STUDENT = FAST ? 3 : 9;
    static final List<String> RUNS = Arrays.asList(System.getProperty("smartai.bench.runs",
            "rabbitmq1,rabbitmq2,rabbitmq3,local1").split(","));
    static final int KILL_STUDENTS = Integer.getInteger("smartai.bench.kill.students", 300);

    @BeforeAll
    static void benchDatabase() throws Exception {
        Assumptions.assumeTrue(BrokerReplicas.answers(5432), "no PostgreSQL on 127.0.0.1:5432");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                null);
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    c.createStatement().execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
    }

    @Test
    @Order(3)
    void answersPerSecondForOneTwoAndThreeReplicas() throws Exception {
        StringBuilder summary = new StringBuilder();
        double local = 0;
        double one = 0;
        for (String run : RUNS) {
            String queue = run.replaceAll("\\d", "");
            double rate = throughput(queue, Integer.parseInt(run.replaceAll("\\D", "")), summary);
            local = run.equals("local1") ? rate : local;
            one = run.equals("rabbitmq1") ? rate : one;
        }
        System.out.printf("%nOffline grading of %d answers (%s):%n%s", STUDENTS * PER_STUDENT, FAST
                ? "choice and program problems only" : "all nine problems", summary);
        if (local > 0 && one > 0) {
            System.out.printf("broker overhead on one replica: %.1f %%%n", 100 * (local - one) / local);
        }
        System.out.println();
    }

    private static double throughput(String queue, int replicas, StringBuilder summary) throws Exception {
        try (BrokerReplicas cluster = new BrokerReplicas(DATABASE, "smartai_broker_bench", queue)) {
            cluster.start(replicas);
            AppProcess a = cluster.replicas.get(0);
            String task = cluster.task(STUDENTS);
            settle();
            RunCost idleFrom = RunCost.sample(cluster.replicas, DATABASE);
            settle();
            String load = RunCost.load();
            RunCost start = RunCost.sample(cluster.replicas, DATABASE);
            String jobId = cluster.grade(a, task, FAST ? BrokerReplicasIT.SCOPE : "{}");
            Map<String, Object> job = cluster.await(a, jobId, j -> "succeeded".equals(j.get("status")), 3600);
            RunCost end = RunCost.sample(cluster.replicas, DATABASE);
            assertThat(job.get("done")).isEqualTo(STUDENTS * PER_STUDENT);
            double seconds = (end.nanos() - start.nanos()) / 1e9;
            settle();
            RunCost flushed = RunCost.sample(cluster.replicas, DATABASE);
            String line = String.format("%s, %d replica(s), load %s at the start: %s%n", queue, replicas, load,
                    RunCost.perAnswer(STUDENTS * PER_STUDENT, idleFrom, start, start, end, flushed));
            System.out.print(line);
            summary.append(line);
            return STUDENTS * PER_STUDENT / seconds;
        }
    }

    /**
     * PostgreSQL's backends report their statistics when idle at intervals of up to 10 s: waiting that long puts what
     * happened before a sample into it. The first wait lets the upload's work settle, the second measures idle.
     */
    private static void settle() throws InterruptedException {
        Thread.sleep(11_000);
    }

    /** What a unit costs the broker alone: persistent publishes with confirms, then deliveries each acknowledged. */
    @Test
    @Order(1)
    void theBrokersOwnCeiling() throws Exception {
        Assumptions.assumeTrue(BrokerReplicas.answers(5672), "no RabbitMQ on 127.0.0.1:5672");
        int messages = 20_000;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(BrokerReplicas.RABBITMQ);
        factory.setVirtualHost("/");
        String queue = "smartai-bench-ceiling";
        byte[] unit = ("{\"jobId\":\"0f7d3c1e-5a2b-4c1d-9e8f-1a2b3c4d5e6f\",\"taskId\":\"3c4d5e6f-0f7d-4c1d-9e8f-"
                + "1a2b3c4d5e6f\",\"studentUid\":\"5e6f0f7d-3c1e-4c1d-9e8f-1a2b3c4d5e6f\",\"studentId\":\"20250001\","
                + "\"problemId\":\"q6\"}").getBytes(StandardCharsets.UTF_8);
        try (com.rabbitmq.client.Connection c = factory.newConnection();
                Channel pub = c.createChannel();
                Channel con = c.createChannel()) {
            pub.queueDeclare(queue, true, false, false, null);
            pub.queuePurge(queue);
            pub.confirmSelect();
            String load = RunCost.load();
            RunCost start = RunCost.sample(List.of(), DATABASE);
            for (int i = 0; i < messages; i++) {
                pub.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, unit);
                if (i % 100 == 99) {
                    pub.waitForConfirmsOrDie(30_000);
                }
            }
            pub.waitForConfirmsOrDie(30_000);
            RunCost published = RunCost.sample(List.of(), DATABASE);
            // A replica's prefetch is its number of workers (2 by default); 16 consumers' worth stands for 8 replicas.
            con.basicQos(16, true);
            CountDownLatch left = new CountDownLatch(messages);
            con.basicConsume(queue, false, new DefaultConsumer(con) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                        byte[] body) throws IOException {
                    con.basicAck(envelope.getDeliveryTag(), false);
                    left.countDown();
                }
            });
            assertThat(left.await(10, TimeUnit.MINUTES)).isTrue();
            RunCost acked = RunCost.sample(List.of(), DATABASE);
            pub.queueDelete(queue);
            System.out.printf("%nBroker alone (load %s): %d persistent publishes confirmed in batches of 100 at "
                    + "%.0f/s (broker CPU %.3f ms each), delivered and acknowledged one by one at %.0f/s (broker CPU "
                    + "%.3f ms each)%n%n", load, messages, messages / ((published.nanos() - start.nanos()) / 1e9),
                    (published.brokerTicks() - start.brokerTicks()) / RunCost.HZ * 1000 / messages,
                    messages / ((acked.nanos() - published.nanos()) / 1e9),
                    (acked.brokerTicks() - published.brokerTicks()) / RunCost.HZ * 1000 / messages);
        }
    }

    @Test
    @Order(2)
    void threeHundredStudentsWithAReplicaKilled() throws Exception {
        int answers = KILL_STUDENTS * PER_STUDENT;
        try (BrokerReplicas cluster = new BrokerReplicas(DATABASE, "smartai_broker_bench", "rabbitmq")) {
            cluster.start(3);
            AppProcess owner = cluster.replicas.get(0);
            AppProcess b = cluster.replicas.get(1);
            AppProcess c = cluster.replicas.get(2);
            String task = cluster.task(KILL_STUDENTS);
            String load = RunCost.load();
            long t0 = System.nanoTime();
            String jobId = cluster.grade(owner, task, FAST ? BrokerReplicasIT.SCOPE : "{}");
            Map<String, Object> atKill = cluster.await(b, jobId, j -> (Integer) j.get("done") >= answers / 3, 3600);
            double byOwner = BrokerReplicas.stored(owner);
            owner.kill();
            long killed = System.nanoTime();
            String newOwner = awaitNewOwner(cluster, jobId);
            long takenOver = System.nanoTime();
            Map<String, Object> finished = cluster.await(b, jobId, j -> "succeeded".equals(j.get("status")), 3600);
            long done = System.nanoTime();
            assertThat(finished.get("done")).isEqualTo(answers);
            List<Map<String, Object>> grades = CrashResumeIT.grades(c, cluster.token, task);
            assertThat(grades).hasSize(answers);
            assertThat(grades.stream().map(g -> g.get("studentId") + "/" + g.get("problemId")).distinct())
                    .hasSize(answers);
            double byB = BrokerReplicas.stored(b);
            double byC = BrokerReplicas.stored(c);
            System.out.printf("%n%d students (%d answers), 3 replicas, load %s at the start; the job's owner killed "
                    + "(kill -9) at %s done: %s took the job over %.1f s later (lease 6 s, heartbeat 1 s); the job "
                    + "finished %.1f s after the kill, %.1f s in all; one grade per answer; grades stored: owner %.0f "
                    + "(its count before the kill) + %.0f + %.0f = %.0f of %d (more would be one stored twice)%n%n",
                    KILL_STUDENTS, answers, load, atKill.get("done"), newOwner, (takenOver - killed) / 1e9,
                    (done - killed) / 1e9, (done - t0) / 1e9, byOwner, byB, byC, byOwner + byB + byC, answers);
            assertThat(byOwner + byB + byC).isLessThanOrEqualTo(answers);
        }
    }

    /** The replica that holds the job's lease once replica-0's ran out, read from the job table. */
    private static String awaitNewOwner(BrokerReplicas cluster, String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            String owner = cluster.leaseOwner(jobId);
            if (owner != null && !owner.equals("replica-0")) {
                return owner;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no replica took job " + jobId + " over");
    }

    @Test
    @Order(4)
    void theBrokerStoppedForTenSecondsMidRun() throws Exception {
        Assumptions.assumeTrue(rabbitmqctl("status"), "rabbitmqctl cannot stop and start the local broker here");
        int answers = 60 * 3;
        try (BrokerReplicas cluster = new BrokerReplicas(DATABASE, "smartai_broker_bench", "rabbitmq")) {
            cluster.start(2);
            AppProcess a = cluster.replicas.get(0);
            String task = cluster.task(60);
            String jobId = cluster.grade(a, task, BrokerReplicasIT.SCOPE);
            cluster.await(a, jobId, j -> (Integer) j.get("done") >= answers / 4, 600);
            long t0 = System.nanoTime();
            assertThat(rabbitmqctl("stop_app")).isTrue();
            try {
                Thread.sleep(Duration.ofSeconds(10).toMillis());
            } finally {
                assertThat(rabbitmqctl("start_app")).isTrue();
            }
            Map<String, Object> finished = cluster.await(a, jobId, j -> "succeeded".equals(j.get("status")), 600);
            assertThat(finished.get("done")).isEqualTo(answers);
            assertThat(CrashResumeIT.grades(a, cluster.token, task)).hasSize(answers);
            System.out.printf("%nBroker stopped 10 s at a quarter of %d answers: the job finished %.1f s after the "
                    + "stop%n%n", answers, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static boolean rabbitmqctl(String command) {
        try {
            Process p = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
