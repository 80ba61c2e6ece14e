package ai.smartai.backend.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LocalUnitQueueTest {

    static final GradingConfig ONE_WORKER = new GradingConfig() {
        @Override
        public int workers() {
            return 1;
        }

        @Override
        public int llmWorkers() {
            return 1;
        }

        @Override
        public java.time.Duration unitDeadline() {
            return java.time.Duration.ofSeconds(120);
        }
    };

    @Test
    void aUnitThatThrowsAnErrorDoesNotKillItsWorker() throws Exception {
        LocalUnitQueue queue = new LocalUnitQueue(ONE_WORKER);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        var run = queue.submit("t", units("t", 5), u -> {
            if (u.studentId().equals("s1")) {
                throw new StackOverflowError("hostile");
            }
            ran.add(u.studentId());
        });
        run.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ran).containsExactly("s0", "s2", "s3", "s4");
        queue.submit("u", units("u", 2), u -> ran.add(u.taskId())).get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ran).endsWith("u", "u");
        queue.stop();
    }

    static List<WorkUnit> units(String task, int n) {
        return IntStream.range(0, n).mapToObj(i -> new WorkUnit("job-" + task, task, "s" + i, "s" + i, "q1")).toList();
    }

    @Test
    void aSmallTaskQueuedAfterABigOneIsNotHeldUp() throws Exception {
        LocalUnitQueue queue = new LocalUnitQueue(ONE_WORKER);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        var big = queue.submit("big", units("big", 100), u -> {
            order.add(u.taskId());
            sleep(2);
        });
        var small = queue.submit("small", units("small", 5), u -> order.add(u.taskId()));
        small.get();
        big.get();
        int lastSmall = order.lastIndexOf("small");
        assertThat(lastSmall).as("the small task finished after %d units", lastSmall).isLessThan(20);
        assertThat(order).hasSize(105);
        queue.stop();
    }

    @Test
    void stoppingReleasesWaitingUnitsSoNoRunHangs() throws Exception {
        LocalUnitQueue queue = new LocalUnitQueue(ONE_WORKER);
        var run = queue.submit("t", units("t", 50), u -> sleep(20));
        Thread.sleep(50);
        queue.stop();
        run.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(run).isDone();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
