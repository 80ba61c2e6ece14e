package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Three backend replicas grading through RabbitMQ on one PostgreSQL: kill -9 the replica that owns the grading job
 * mid-run. The others grade its units and one takes the job over; every answer ends with exactly one grade and none
 * was graded twice. Skipped without PostgreSQL and RabbitMQ on 127.0.0.1.
 */
class BrokerReplicasIT {

    static final int STUDENTS = 24;
    /** Two choice problems and a program: quick to grade, with the sandbox's runs to be killed among. */
    static final String SCOPE = "{\"scope\":{\"problemIds\":[\"q1\",\"q2\",\"q6\"]}}";
    static final int ANSWERS = STUDENTS * 3;

    @Test
    void aKilledReplicasUnitsAreGradedByTheOthersExactlyOnce() throws Exception {
        try (BrokerReplicas cluster = new BrokerReplicas("smartai_broker_it", "rabbitmq")) {
            cluster.start(3);
            AppProcess owner = cluster.replicas.get(0);
            AppProcess b = cluster.replicas.get(1);
            AppProcess c = cluster.replicas.get(2);
            String task = cluster.task(STUDENTS);
            String jobId = cluster.grade(owner, task, SCOPE);
            Map<String, Object> atKill = cluster.await(b, jobId, j -> (Integer) j.get("done") >= ANSWERS / 5, 600);
            assertThat((Integer) atKill.get("done")).as("still running when killed").isLessThan(ANSWERS);
            double byOwner = BrokerReplicas.stored(owner);
            owner.kill();

            Map<String, Object> finished = cluster.await(b, jobId, j -> "succeeded".equals(j.get("status")), 600);
            assertThat(finished.get("total")).as("the whole job").isEqualTo(ANSWERS);
            assertThat(finished.get("done")).isEqualTo(ANSWERS);
            List<Map<String, Object>> grades = CrashResumeIT.grades(c, cluster.token, task);
            assertThat(grades).hasSize(ANSWERS);
            assertThat(grades.stream().map(g -> g.get("studentId") + "/" + g.get("problemId")).distinct())
                    .hasSize(ANSWERS);
            double byB = BrokerReplicas.stored(b);
            double byC = BrokerReplicas.stored(c);
            System.out.printf("%nGraded through RabbitMQ: killed owner %.0f (at its last count), others %.0f + %.0f, "
                    + "answers %d%n%n", byOwner, byB, byC, ANSWERS);
            assertThat(byB).as("every live replica took units").isPositive();
            assertThat(byC).as("every live replica took units").isPositive();
            // Each stored grade is counted by the replica that stored it: more than the answers means one twice.
            assertThat(byOwner + byB + byC).as("no unit graded twice").isLessThanOrEqualTo(ANSWERS);
        }
    }
}
