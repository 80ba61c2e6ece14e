package ai.smartai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Backend replicas (backend/app jars) on one PostgreSQL schema and, with {@code rabbitmq}, RabbitMQ with queues of
 * their own prefix, for {@link BrokerReplicasIT}, {@link ReplicaEventsIT} and {@link BrokerReplicasBench}. Needs
 * PostgreSQL on 127.0.0.1:5432 (database {@code test}, trust) and for {@code rabbitmq} RabbitMQ on 127.0.0.1:5672
 * (guest/guest); without them the caller is skipped.
 */
final class BrokerReplicas implements AutoCloseable {

    static final String RABBITMQ = "amqp://guest:guest@127.0.0.1:5672/";

    final String prefix = "smartai-it-" + UUID.randomUUID().toString().substring(0, 8);
    final List<AppProcess> replicas = new ArrayList<>();
    /** Replicas replaced: their logs still tell what happened to the units they held. */
    final List<AppProcess> gone = new ArrayList<>();
    /** The replicas' names on the leases they hold, in the order of {@link #replicas}. */
    final List<String> ids = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();
    private final List<String> tasks = new ArrayList<>();
    private final boolean broker;
    private final String schema;
    private final String jdbc;
    String token;

    /** {@code queue} is {@code rabbitmq} or {@code local} (then no broker is needed or touched). */
    BrokerReplicas(String schema, String queue) throws Exception {
        this("test", schema, queue);
    }

    /** In a database of its own (it must exist), e.g. so that PostgreSQL's statistics of it count only this run. */
    BrokerReplicas(String database, String schema, String queue) throws Exception {
        broker = queue.equals("rabbitmq");
        this.schema = schema;
        jdbc = "jdbc:postgresql://127.0.0.1:5432/" + database;
        Assumptions.assumeTrue(answers(5432), "no PostgreSQL on 127.0.0.1:5432");
        Assumptions.assumeTrue(!broker || answers(5672), "no RabbitMQ on 127.0.0.1:5672");
        Path data = Files.createTempDirectory("smartai-broker-");
        env.putAll(Map.of(
                "SMARTAI_DATA_DIR", data.toString(),
                "SMARTAI_DB_URL", jdbc + "?currentSchema=" + schema,
                "SMARTAI_DB_USER", "postgres",
                // Replicas on PostgreSQL share one master key (the backend app refuses to start without one).
                "SMARTAI_MASTER_KEY", "c21hcnRhaS1icm9rZXItbWFzdGVyLWtleS0zMi1ieXQ=",
                "QUARKUS_FLYWAY_PG_SCHEMAS", schema,
                "SMARTAI_QUEUE", queue,
                "SMARTAI_RABBITMQ_URL", RABBITMQ,
                "SMARTAI_RABBITMQ_PREFIX", prefix,
                // Short leases: a dead owner's job is counted on by another replica within seconds.
                "SMARTAI_JOBS_LEASE", "6s",
                "SMARTAI_JOBS_HEARTBEAT", "1s"));
    }

    /** A setting of every replica started after this call. */
    BrokerReplicas with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    /**
     * Starts {@code n} replicas together on an empty schema, as pods of one Deployment start: they migrate it once
     * between them (Flyway's advisory lock on PostgreSQL, docs/deployment.md).
     */
    void start(int n) throws Exception {
        try (var c = DriverManager.getConnection(jdbc, "postgres", null); var s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        for (int i = 0; i < n; i++) {
            ids.add("replica-" + i);
            replicas.add(launch("replica-" + i));
        }
        for (AppProcess r : replicas) {
            r.awaitReady(Duration.ofSeconds(240));
        }
        AppProcess a = replicas.get(0);
        Http.postJson(a.uri("/api/auth/register"), "{\"username\":\"crash\",\"password\":\"crash-password-1\"}");
        token = CrashResumeIT.login(a);
    }

    private AppProcess launch(String replicaId) throws Exception {
        Map<String, String> replica = new HashMap<>(env);
        replica.put("SMARTAI_JOBS_REPLICA_ID", replicaId);
        return AppProcess.start("backend/app", replica, List.of());
    }

    /** A replica started in place of the {@code index}th (stopped by the caller), as a new pod of the Deployment. */
    AppProcess replace(int index, String replicaId) throws Exception {
        AppProcess r = launch(replicaId);
        gone.add(replicas.get(index));
        replicas.set(index, r);
        ids.set(index, replicaId);
        r.awaitReady(Duration.ofSeconds(240));
        return r;
    }

    /** The replica that holds the job's lease, from the job table (null when none does). */
    String leaseOwner(String jobId) throws Exception {
        try (var c = DriverManager.getConnection(jdbc + "?currentSchema=" + schema, "postgres", null);
                var s = c.prepareStatement("SELECT lease_owner FROM job WHERE id = ?")) {
            s.setString(1, jobId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** A task with the demo problems and key and a class of {@code students} unique sheets, on the first replica. */
    String task(int students) throws Exception {
        AppProcess a = replicas.get(0);
        Path demo = AppProcess.repoRoot().resolve("samples/demo-hw");
        String task = Http.field(Http.postJson(a.uri("/api/tasks"), "{\"name\":\"replicas\"}", "Authorization",
                "Bearer " + token).body(), "id");
        tasks.add(task);
        CrashResumeIT.upload(a, token, task, "problems", "problems.md",
                Files.readAllBytes(demo.resolve("problems.md")));
        CrashResumeIT.upload(a, token, task, "answer-key", "answer-key.md",
                Files.readAllBytes(demo.resolve("answer-key.md")));
        CrashResumeIT.upload(a, token, task, "submissions", "class.zip", CrashResumeIT.classArchive(demo, students));
        return task;
    }

    String grade(AppProcess app, String task, String body) throws Exception {
        return Http.field(Http.postJson(app.uri("/api/tasks/" + task + "/grading"), body, "Authorization",
                "Bearer " + token).body(), "jobId");
    }

    Map<String, Object> job(AppProcess app, String jobId) throws Exception {
        return CrashResumeIT.get(app, token, "/api/jobs/" + jobId, new TypeReference<>() {
        });
    }

    Map<String, Object> await(AppProcess app, String jobId, Predicate<Map<String, Object>> until, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (true) {
            Map<String, Object> job = job(app, jobId);
            if (until.test(job)) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s: %s\n%s", jobId, job, app.tail()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Grades this replica stored (computed or from the cache), from its metrics. */
    static double stored(AppProcess app) throws Exception {
        return metric(app, "smartai_grading_units_total");
    }

    /** Times a grader ran on this replica (every method), from its metrics: a unit graded twice counts twice. */
    static double graderRuns(AppProcess app) throws Exception {
        return metric(app, "smartai_grading_duration_seconds_count");
    }

    /** A Prometheus series of this replica, summed over its tags. */
    private static double metric(AppProcess app, String series) throws Exception {
        double sum = 0;
        for (String line : Http.get(app.management("/q/metrics")).body().split("\n")) {
            if (line.startsWith(series + "{") || line.startsWith(series + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * What every replica, replaced ones first, logged about units, jobs, the expert and the broker, one short line
     * each: a failure's story.
     */
    String unitLog() {
        List<AppProcess> all = new ArrayList<>(gone);
        all.addAll(replicas);
        StringBuilder story = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            String replica = "\n[" + i + (i < gone.size() ? " gone] " : "] ");
            all.get(i).output().lines().filter(l -> !l.contains("access-log") && (l.contains(".grading.")
                    || l.contains(".job.") || l.contains(".llm.") || l.contains("rabbitmq") || l.contains("WARN")
                    || l.contains("ERROR"))).forEach(l -> story.append(replica).append(shortLine(l)));
        }
        return story.toString();
    }

    /** A logged exception's type, message and first frames, and its causes'. */
    private static String thrown(JsonNode exception) {
        if (exception.isMissingNode() || exception.isNull()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" ← ").append(exception.path("exceptionType").asText()).append(": ")
                .append(exception.path("message").asText());
        int shown = 0;
        for (JsonNode frame : exception.path("frames")) {
            if (shown++ == 8) {
                break;
            }
            out.append("\n      at ").append(frame.path("class").asText()).append('.')
                    .append(frame.path("method").asText()).append(':').append(frame.path("line").asText());
        }
        return out.append(thrown(exception.path("causedBy").path("exception"))).toString();
    }

    /** A JSON log line as time, level, logger and message; any other line as it is. */
    private static String shortLine(String line) {
        try {
            JsonNode l = CrashResumeIT.JSON.readTree(line);
            String logger = l.path("loggerName").asText();
            String time = l.path("timestamp").asText();
            return time.substring(Math.min(time.length(), 11), Math.min(time.length(), 23)) + " "
                    + l.path("level").asText() + " " + logger.substring(logger.lastIndexOf('.') + 1) + ": "
                    + l.path("message").asText() + thrown(l.path("exception"));
        } catch (Exception notJson) {
            return line;
        }
    }

    @Override
    public void close() throws Exception {
        for (AppProcess r : replicas) {
            r.close();
        }
        if (!broker) {
            return;
        }
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(RABBITMQ);
        factory.setVirtualHost("/");
        try (Connection c = factory.newConnection(); Channel ch = c.createChannel()) {
            for (String task : tasks) {
                ch.queueDelete(prefix + ".task." + task);
            }
            ch.queueDelete(prefix + ".dead");
            ch.exchangeDelete(prefix + ".dead");
            ch.exchangeDelete(prefix + ".tasks");
        }
    }
}
