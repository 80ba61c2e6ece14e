package ai.smartai.backend.grading;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Json;
import ai.smartai.backend.job.FairExecutor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.quarkus.runtime.ShutdownEvent;
import org.jboss.logging.Logger;

/**
 * Grading units on RabbitMQ, shared by every replica. Each task has a durable queue of its own ({@code
 * <prefix>.task.<taskId>}, one persistent JSON message per unit); a replica consumes every task queue it has heard of
 * on one channel whose prefetch is the number of grading workers, and runs what it receives on workers that take
 * tasks in turn, so one teacher's 2,000 answers never hold up another's 20. A unit is acknowledged only once its grade
 * is committed: the units of a replica that dies return to the queue for the others. A unit that fails {@link
 * UnitAttempt#QUARANTINE_AFTER} times is rejected into the dead-letter queue ({@code <prefix>.dead}), whose consumer
 * stores it as a grade with no score for the teacher to review.
 * <p>
 * Replicas learn of a task's queue from announcements on the {@code <prefix>.tasks} fanout exchange, repeated while
 * the task's job runs so that a replica started later joins in. The client's automatic recovery reconnects after the
 * broker went away, re-declaring the queues and consumers.
 */
@ApplicationScoped
@Typed(RabbitUnitQueue.class)
public class RabbitUnitQueue implements UnitQueue {

    private static final Logger LOG = Logger.getLogger(RabbitUnitQueue.class);
    private static final TypeReference<WorkUnit> UNIT = new TypeReference<>() {
    };
    private static final String DEAD_LETTERS = "dead-letters";
    private static final long RETRY_MILLIS = 1000;
    /** How long a stopping replica finishes the units in hand: within Kubernetes' default 30 s grace period. */

    @Inject
    QueueConfig config;

    @Inject
    GradingConfig grading;

    @Inject
    UnitWorker worker;

    /** Task queues this replica consumes. */
    private final Set<String> consuming = ConcurrentHashMap.newKeySet();
    /** Tasks with units this replica published, announced until their job ends. */
    private final Set<String> announcing = ConcurrentHashMap.newKeySet();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    /** Deliveries being graded or set aside now. */
    private final AtomicInteger inHand = new AtomicInteger();
    private ScheduledExecutorService connector;
    private FairExecutor workers;
    private volatile Connection connection;
    private volatile Channel publisher;
    private volatile Channel consumer;
    private volatile boolean stopped;
    /** Stopping: deliveries not yet started stay unacknowledged, and go back to the queue with the connection. */
    private volatile boolean draining;

    /** Connects in the background, again and again until the broker answers; grading waits for it meanwhile. */
    synchronized void start() {
        if (connector != null) {
            return;
        }
        workers = new FairExecutor("smartai-grader", grading.workers());
        connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smartai-rabbitmq");
            t.setDaemon(true);
            return t;
        });
        connector.execute(this::connect);
        connector.scheduleWithFixedDelay(this::announce, 2, 2, TimeUnit.SECONDS);
    }

    private void connect() {
        if (stopped) {
            return;
        }
        String url = config.rabbitmq().url().orElseThrow(() -> new IllegalStateException(
                "SMARTAI_QUEUE=rabbitmq needs SMARTAI_RABBITMQ_URL (amqp://user:pass@host:5672/)"));
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(url);
            if (factory.getVirtualHost().isEmpty()) {
                // amqp://host:5672/ names the empty vhost by the AMQP URI rules; operators mean the default one.
                factory.setVirtualHost("/");
            }
            factory.setAutomaticRecoveryEnabled(true);
            factory.setTopologyRecoveryEnabled(true);
            factory.setNetworkRecoveryInterval(1000);
            // A killed replica's socket closes at once; heartbeats only find a host that hangs. A short interval
            // dropped live replicas on a starved machine, and their units in hand were graded twice.
            factory.setRequestedHeartbeat(30);
            factory.setConnectionTimeout(5000);
            Connection c = factory.newConnection("smartai-grading");
            Channel pub = c.createChannel();
            pub.confirmSelect();
            pub.exchangeDeclare(dead(), BuiltinExchangeType.FANOUT, true);
            pub.queueDeclare(dead(), true, false, false, null);
            pub.queueBind(dead(), dead(), "");
            pub.exchangeDeclare(tasks(), BuiltinExchangeType.FANOUT, true);
            Channel con = c.createChannel();
            // Shared by every consumer of the channel: at most this many units are in this replica's hands.
            con.basicQos(grading.workers(), true);
            String announcements = con.queueDeclare().getQueue();
            con.queueBind(announcements, tasks(), "");
            con.basicConsume(announcements, true, new DefaultConsumer(con) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                        byte[] body) {
                    String taskId = new String(body, StandardCharsets.UTF_8);
                    connector.execute(() -> consume(taskId));
                }
            });
            con.basicConsume(dead(), false, new DefaultConsumer(con) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                        byte[] body) {
                    workers.execute(DEAD_LETTERS, () -> inHand(() -> deadLetter(con, envelope.getDeliveryTag(),
                            body)));
                }
            });
            publisher = pub;
            consumer = con;
            connection = c;
            LOG.infof("Grading units go through RabbitMQ at %s (queues %s.*)", shown(url), config.rabbitmq().prefix());
        } catch (Exception e) {
            LOG.warnf("RabbitMQ at %s does not answer (%s); trying again in 2 s", shown(url), e.getMessage());
            connector.schedule(this::connect, 2, TimeUnit.SECONDS);
        }
    }

    @Override
    public CompletableFuture<Void> submit(String taskId, List<WorkUnit> units, Consumer<WorkUnit> work) {
        Channel pub = publisher;
        if (pub == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("RabbitMQ is not connected"));
        }
        try {
            synchronized (pub) {
                declareTaskQueue(pub, taskId);
                if (!units.isEmpty()) {
                    // Left from an earlier publication of this job (a pause, or an owner that died publishing).
                    pub.queuePurge(queue(taskId));
                    for (WorkUnit unit : units) {
                        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().deliveryMode(2)
                                .contentType("application/json").messageId(unit.key()).build();
                        pub.basicPublish("", queue(taskId), props, Json.write(unit).getBytes(StandardCharsets.UTF_8));
                    }
                    pub.waitForConfirmsOrDie(30_000);
                    published.addAndGet(units.size());
                }
                pub.basicPublish(tasks(), "", null, taskId.getBytes(StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        announcing.add(taskId);
        connector.execute(() -> consume(taskId));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void finished(String taskId) {
        announcing.remove(taskId);
    }

    /** Whether the broker answers: the readiness check. */
    public boolean connected() {
        Connection c = connection;
        return c != null && c.isOpen();
    }

    /** Units moved to the dead-letter queue and stored for review by this replica. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Units this replica published. */
    public long published() {
        return published.get();
    }

    /** The queue of one task's units. */
    public String queue(String taskId) {
        return config.rabbitmq().prefix() + ".task." + taskId;
    }

    /** The dead-letter exchange and queue. */
    public String dead() {
        return config.rabbitmq().prefix() + ".dead";
    }

    private String tasks() {
        return config.rabbitmq().prefix() + ".tasks";
    }

    private void declareTaskQueue(Channel channel, String taskId) throws IOException {
        channel.queueDeclare(queue(taskId), true, false, false, Map.of("x-dead-letter-exchange", dead()));
    }

    private void announce() {
        Channel pub = publisher;
        if (pub == null || announcing.isEmpty()) {
            return;
        }
        try {
            synchronized (pub) {
                for (String taskId : announcing) {
                    pub.basicPublish(tasks(), "", null, taskId.getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (Exception e) {
            LOG.debugf("Announcing tasks failed (%s); the next round tries again", e.getMessage());
        }
    }

    private void consume(String taskId) {
        Channel con = consumer;
        if (con == null || stopped || !consuming.add(taskId)) {
            return;
        }
        try {
            declareTaskQueue(con, taskId);
            con.basicConsume(queue(taskId), false, new DefaultConsumer(con) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
                        byte[] body) {
                    workers.execute(taskId, () -> inHand(() -> process(con, envelope, body)));
                }

                @Override
                public void handleCancel(String tag) {
                    consuming.remove(taskId);
                }
            });
        } catch (Exception e) {
            consuming.remove(taskId);
            LOG.warnf("Could not consume the units of task %s (%s); the next announcement tries again", taskId,
                    e.getMessage());
        }
    }

    /** Runs a delivery unless the replica is stopping (counted first, so that a drain that began waits for it). */
    private void inHand(Runnable delivery) {
        inHand.incrementAndGet();
        try {
            if (!draining) {
                delivery.run();
            }
        } finally {
            inHand.decrementAndGet();
        }
    }

    /** Grades one delivered unit; acknowledged only after its grade is committed. */
    private void process(Channel channel, Envelope envelope, byte[] body) {
        long tag = envelope.getDeliveryTag();
        WorkUnit unit = read(body);
        if (unit == null) {
            settle(channel, tag, Settle.REJECT);
            return;
        }
        LOG.debugf("%s: started%s", unit.key(), envelope.isRedeliver() ? " (delivered again)" : "");
        try {
            worker.grade(unit);
            settle(channel, tag, Settle.ACK);
            LOG.debugf("%s: acknowledged", unit.key());
        } catch (Throwable e) {
            int tries = 0;
            try {
                tries = worker.failed(unit, e);
            } catch (RuntimeException unrecorded) {
                LOG.warnf(unrecorded, "Could not record the failure of %s", unit.key());
            }
            if (tries >= UnitAttempt.QUARANTINE_AFTER) {
                LOG.warnf(e, "Grading %s failed %d times; it goes to the dead-letter queue", unit.key(), tries);
                settle(channel, tag, Settle.REJECT);
            } else {
                LOG.infof(e, "Grading %s failed; it goes back to the queue", unit.key());
                pause();
                settle(channel, tag, Settle.REQUEUE);
            }
        }
    }

    private void deadLetter(Channel channel, long tag, byte[] body) {
        WorkUnit unit = read(body);
        if (unit == null) {
            // Not a grading unit at all: nothing to grade and nothing to keep.
            LOG.errorf("Dropped a message on %s that is not a grading unit: %s", dead(),
                    new String(body, StandardCharsets.UTF_8));
            settle(channel, tag, Settle.ACK);
            return;
        }
        try {
            worker.setAside(unit);
            deadLettered.incrementAndGet();
            settle(channel, tag, Settle.ACK);
        } catch (Throwable e) {
            // Kept on the dead-letter queue: tried again until its review grade is stored.
            LOG.warnf(e, "Could not set %s aside yet", unit.key());
            pause();
            settle(channel, tag, Settle.REQUEUE);
        }
    }

    private static WorkUnit read(byte[] body) {
        try {
            return Json.read(new String(body, StandardCharsets.UTF_8), UNIT);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private enum Settle {
        ACK,
        REQUEUE,
        REJECT
    }

    private static void settle(Channel channel, long tag, Settle how) {
        try {
            synchronized (channel) {
                switch (how) {
                    case ACK -> channel.basicAck(tag, false);
                    case REQUEUE -> channel.basicNack(tag, false, true);
                    case REJECT -> channel.basicReject(tag, false);
                }
            }
        } catch (Exception e) {
            // The channel went away with the connection: the broker hands the unit out again, and a unit whose grade
            // is stored is then skipped.
            LOG.infof("Could not settle a delivery (%s); the broker redelivers it", e.getMessage());
        }
    }

    /** A failing unit waits a moment before it goes back, so a database that is away is not hammered. */
    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String shown(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        } catch (RuntimeException e) {
            return "(the configured URL)";
        }
    }

    /**
     * A replica told to stop (a rolling update, a scale-down) finishes the units in its hands before it lets the broker
     * go, instead of leaving them half done for another replica to grade, and ask the panel, a second time. Runs
     * before the beans close, while the database is still there; only a replica that uses the broker has one.
     */
    void drain(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        draining = true;
        LOG.infof("Stopping: %d grading unit(s) in hand are finished first; the units not started go back to the "
                + "queue", inHand.get());
        Duration drain = config.rabbitmq().drain();
        long until = System.nanoTime() + drain.toNanos();
        while (inHand.get() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (inHand.get() > 0) {
            LOG.warnf("Stopping with %d grading unit(s) unfinished after %d s; the broker hands them out again",
                    inHand.get(), drain.toSeconds());
        }
    }

    /** Units not yet started stay unacknowledged and go back to the queue for the other replicas. */
    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (connector != null) {
            connector.shutdownNow();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        Connection c = connection;
        if (c != null) {
            c.abort(2000);
        }
    }
}
