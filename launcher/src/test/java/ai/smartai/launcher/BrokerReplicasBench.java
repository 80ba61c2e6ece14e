package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Grading through RabbitMQ at scale, as processes (backend/app jars) on one PostgreSQL: answers per second for 1, 2 and
 * 3 replicas against the in-process queue on one, 300 students with a replica killed, and the broker stopped for 10 s
 * mid-run. {@code ./mvnw verify -Pbench -pl backend/app,launcher -am -Dit.test=BrokerReplicasBench -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dsmartai.bench.students=223} (× 9 problems = 2,007 answers) sets
 * the class of the throughput runs.
 */
class BrokerReplicasBench {

    static final int STUDENTS = Integer.getInteger("smartai.bench.students", 223);

    @Test
    void answersPerSecondForOneTwoAndThreeReplicas() throws Exception {
        double local = throughput("local", 1);
        double one = throughput("rabbitmq", 1);
        double two = throughput("rabbitmq", 2);
        double three = throughput("rabbitmq", 3);
        System.out.printf("%nOffline grading of %d answers: in-process queue %.1f answers/s; RabbitMQ 1 replica %.1f, "
                + "2 replicas %.1f, 3 replicas %.1f; broker overhead on one replica %.1f %%%n%n", STUDENTS * 9, local,
                one, two, three, 100 * (local - one) / local);
    }

    private static double throughput(String queue, int replicas) throws Exception {
        try (BrokerReplicas cluster = new BrokerReplicas("smartai_broker_bench", queue)) {
            cluster.start(replicas);
            AppProcess a = cluster.replicas.get(0);
            String task = cluster.task(STUDENTS);
            long t0 = System.nanoTime();
            String jobId = cluster.grade(a, task, "{}");
            Map<String, Object> job = cluster.await(a, jobId, j -> "succeeded".equals(j.get("status")), 3600);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(job.get("done")).isEqualTo(STUDENTS * 9);
            System.out.printf("%s, %d replica(s): %d answers in %.1f s%n", queue, replicas, STUDENTS * 9, seconds);
            return STUDENTS * 9 / seconds;
        }
    }

    @Test
    void threeHundredStudentsWithAReplicaKilled() throws Exception {
        int answers = 300 * 9;
        try (BrokerReplicas cluster = new BrokerReplicas("smartai_broker_bench", "rabbitmq")) {
            cluster.start(3);
            AppProcess owner = cluster.replicas.get(0);
            AppProcess b = cluster.replicas.get(1);
            AppProcess c = cluster.replicas.get(2);
            String task = cluster.task(300);
            long t0 = System.nanoTime();
            String jobId = cluster.grade(owner, task, "{}");
            cluster.await(b, jobId, j -> (Integer) j.get("done") >= answers / 3, 3600);
            double byOwner = BrokerReplicas.stored(owner);
            owner.kill();
            Map<String, Object> finished = cluster.await(b, jobId, j -> "succeeded".equals(j.get("status")), 3600);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(finished.get("done")).isEqualTo(answers);
            List<Map<String, Object>> grades = CrashResumeIT.grades(c, cluster.token, task);
            assertThat(grades.stream().map(g -> g.get("studentId") + "/" + g.get("problemId")).distinct())
                    .hasSize(answers);
            double stored = byOwner + BrokerReplicas.stored(b) + BrokerReplicas.stored(c);
            System.out.printf("%n300 students (%d answers), owner killed at a third: done in %.1f s, grades stored "
                    + "%.0f (at most %d: none twice)%n%n", answers, seconds, stored, answers);
            assertThat(stored).isLessThanOrEqualTo(answers);
        }
    }

    @Test
    void theBrokerStoppedForTenSecondsMidRun() throws Exception {
        Assumptions.assumeTrue(rabbitmqctl("status"), "rabbitmqctl cannot stop and start the local broker here");
        int answers = 60 * 3;
        try (BrokerReplicas cluster = new BrokerReplicas("smartai_broker_bench", "rabbitmq")) {
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
