package ai.smartai.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An expert for the replicas: a local server speaking OpenAI's chat-completions wire format (as the backend's
 * {@code StubLlm} does), outside every replica, so its count of requests survives the replicas' restarts and kills.
 * Every expert prompt gets one valid verdict. It can hold its replies: a held request waits, with its unit in a grading
 * worker's hands, until {@link #answerHeld()} or {@link #open()}; with every worker of every replica waiting here, no
 * unit is anywhere else.
 */
final class OpenAiStub implements AutoCloseable {

    static final String MODEL = "replica-expert";
    private static final String VERDICT = "{\"score\": 5, \"maxScore\": 10, \"confidence\": 0.9, \"comment\": "
            + "\"stub expert\", \"steps\": [], \"rubricItems\": [], \"injection\": false, \"disagreement\": \"\"}";

    /** The tag that makes each test answer's prompt its own. */
    private static final Pattern ANSWER_TAG = Pattern.compile("<!-- [^<>]{1,40} -->");

    private final HttpServer server;
    /** Request bodies in order of arrival: the same unit asked twice sends the same prompt twice. */
    private final List<String> bodies = new ArrayList<>();
    /** When each request arrived, as a time of day: the story of a prompt sent twice. */
    private final List<LocalTime> arrivals = new ArrayList<>();
    /** Arrivals below this index are answered even while holding. */
    private int answeredBelow;
    private boolean holding;
    private final Set<Integer> waiting = new HashSet<>();

    OpenAiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "openai-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** What a provider of kind {@code openai} is configured with. */
    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** From now on replies wait, until {@link #answerHeld()} or {@link #open()}. */
    synchronized void hold() {
        holding = true;
    }

    /** Answers every request that has arrived; later ones still wait while holding. */
    synchronized void answerHeld() {
        answeredBelow = bodies.size();
        notifyAll();
    }

    /** Answers everything, now and later. */
    synchronized void open() {
        holding = false;
        notifyAll();
    }

    /** Requests waiting for their reply. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** The bodies of the requests waiting for their reply. */
    synchronized List<String> waitingBodies() {
        return waiting.stream().map(bodies::get).toList();
    }

    /** Every request received, in order of arrival. */
    synchronized List<String> requests() {
        return List.copyOf(bodies);
    }

    /** The prompts received more than once since request {@code from}: each one's answer tag and arrival times. */
    synchronized String repeats(int from) {
        Map<String, List<LocalTime>> times = new LinkedHashMap<>();
        for (int i = from; i < bodies.size(); i++) {
            times.computeIfAbsent(bodies.get(i), b -> new ArrayList<>()).add(arrivals.get(i));
        }
        StringBuilder out = new StringBuilder();
        times.forEach((body, at) -> {
            if (at.size() > 1) {
                Matcher tag = ANSWER_TAG.matcher(body);
                out.append(tag.find() ? tag.group() : "a prompt").append(" at ").append(at).append("; ");
            }
        });
        return out.toString();
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (this) {
            int index = bodies.size();
            bodies.add(body);
            arrivals.add(LocalTime.now(ZoneOffset.UTC));
            waiting.add(index);
            try {
                while (holding && index >= answeredBelow) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.remove(index);
            }
        }
        byte[] reply = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
                + MODEL + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + CrashResumeIT.JSON.writeValueAsString(VERDICT) + "},\"finish_reason\":\"stop\"}],\"usage\":"
                + "{\"prompt_tokens\":100,\"completion_tokens\":20,\"total_tokens\":120}}")
                .getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        try (OutputStream out = ex.getResponseBody()) {
            ex.sendResponseHeaders(200, reply.length);
            out.write(reply);
        } catch (IOException gone) {
            // The replica that asked was killed while its request waited here.
        }
    }

    @Override
    public void close() {
        open();
        server.stop(0);
    }
}
