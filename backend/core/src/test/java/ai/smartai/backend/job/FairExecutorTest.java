package ai.smartai.backend.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class FairExecutorTest {

    @Test
    void oneKeyCannotOccupyEveryWorker() throws Exception {
        FairExecutor pool = new FairExecutor("test", 2, 1);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 5; i++) {
            pool.execute("busy-teacher", () -> await(release));
        }
        CountDownLatch other = new CountDownLatch(1);
        pool.execute("other-teacher", other::countDown);
        assertThat(other.await(2, TimeUnit.SECONDS)).as("the other key's item ran while the first key's wait").isTrue();
        assertThat(pool.waiting()).isEqualTo(4);
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void aWorkerSurvivesAnErrorAndKeepsWorking() throws Exception {
        FairExecutor pool = new FairExecutor("test", 1);
        pool.execute("k", () -> {
            throw new StackOverflowError("hostile");
        });
        CountDownLatch after = new CountDownLatch(1);
        pool.execute("k", after::countDown);
        assertThat(after.await(2, TimeUnit.SECONDS)).isTrue();
        pool.shutdownNow();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
