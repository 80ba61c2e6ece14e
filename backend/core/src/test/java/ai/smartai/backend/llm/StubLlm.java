package ai.smartai.backend.llm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local server that speaks the three providers' real wire formats: OpenAI chat completions, Anthropic messages and
 * Gemini generateContent. Each model name answers with a scripted verdict, or with scripted failures first (a status
 * with headers, a broken reply, a delay). It counts what it is sent.
 */
public final class StubLlm implements AutoCloseable {

    /** One scripted answer: an HTTP status with headers and body, or (a reply) the model's text in the wire format. */
    public record Step(int status, String text, Map<String, String> headers, long delayMs, boolean raw, String tool) {

        public static Step reply(String text) {
            return new Step(200, text, Map.of(), 0, false, null);
        }

        /** Exactly this status, headers and body, 200 included: a server that is not a provider. */
        public static Step status(int status, String body, Map<String, String> headers) {
            return new Step(status, body, headers, 0, true, null);
        }

        public static Step slow(long delayMs, String text) {
            return new Step(200, text, Map.of(), delayMs, false, null);
        }

        /** The model calls the tool {@code name} with {@code arguments} (a JSON object), in the wire's tool format. */
        public static Step tool(String name, String arguments) {
            return new Step(200, arguments, Map.of(), 0, false, name);
        }
    }

    /** A request as received, for the test to inspect. */
    public record Seen(String path, String model, Map<String, List<String>> headers, String body) {
    }

    /** A reply written whole to the client: what the client had in hand, unless its connection failed after. */
    /** {@code receivedNanos}: when the request arrived ({@link System#nanoTime()}). */
    public record Answered(String model, String body, int status, long receivedNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GEMINI_MODEL = Pattern.compile("/models/([^/:]+):generateContent");

    private final HttpServer server;
    // Tests script the stub while earlier tests' jobs still call it from server threads: both maps are shared.
    private final Map<String, Deque<Step>> scripts = new ConcurrentHashMap<>();
    private final Map<String, String> verdicts = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<Answered> answered = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Set<String> refusedKeys = ConcurrentHashMap.newKeySet();
    private volatile long latencyMs;
    private volatile Semaphore capacity;

    public StubLlm() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    /** Base URL a provider of {@code kind} is configured with. */
    public String url(String kind) {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return switch (kind) {
            case "openai" -> root + "/openai/v1";
            case "anthropic" -> root + "/anthropic/v1/";
            default -> root + "/gemini/v1beta";
        };
    }

    /** What {@code model} answers as an expert (and as a judge) once its script is used up. */
    public StubLlm verdict(String model, double score, double confidence) {
        verdicts.put(model, "{\"score\": " + score + ", \"maxScore\": 10, \"confidence\": " + confidence
                + ", \"comment\": \"" + model + " says " + score + "\", \"steps\": [], \"rubricItems\": [],"
                + " \"injection\": false, \"disagreement\": \"\"}");
        return this;
    }

    /**
     * What {@code key} (a model and a role, such as {@code model#summary}) answers once its script is used up. A reply
     * that stands survives the client's retry of a request it gave up on (a time-out on a loaded machine).
     */
    public StubLlm answer(String key, String text) {
        verdicts.put(key, text);
        return this;
    }

    /** Requests that carry {@code key}, in whichever header their protocol uses, get a 401 like a real provider's. */
    public StubLlm refuseKey(String key) {
        refusedKeys.add(key);
        return this;
    }

    /**
     * Replaces what {@code key} (a model, or a model and a role such as {@code model#route}) answers next, so a
     * script never inherits a step left over by an earlier one.
     */
    public StubLlm rescript(String key, Step... steps) {
        synchronized (scripts) {
            scripts.put(key, new ArrayDeque<>(List.of(steps)));
        }
        return this;
    }

    public StubLlm script(String model, Step... steps) {
        synchronized (scripts) {
            scripts.computeIfAbsent(model, m -> new ArrayDeque<>()).addAll(List.of(steps));
        }
        return this;
    }

    /** Every request waits this long, and at most {@code concurrency} are served at once (for the benchmark). */
    public StubLlm latency(long ms, int concurrency) {
        this.latencyMs = ms;
        this.capacity = new Semaphore(concurrency, true);
        return this;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The replies to {@code model} that were written whole, in order. */
    public List<Answered> answered(String model) {
        synchronized (answered) {
            return answered.stream().filter(a -> model.equals(a.model())).toList();
        }
    }

    public long count(String model) {
        return seen().stream().filter(s -> model.equals(s.model())).count();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        long received = System.nanoTime();
        String path = ex.getRequestURI().getPath();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String kind = path.startsWith("/openai") ? "openai" : path.startsWith("/anthropic") ? "anthropic" : "gemini";
        String model;
        if (kind.equals("gemini")) {
            Matcher m = GEMINI_MODEL.matcher(path);
            model = m.find() ? m.group(1) : "?";
        } else {
            model = JSON.readTree(body).path("model").asText("?");
        }
        seen.add(new Seen(path, model, Map.copyOf(ex.getRequestHeaders()), body));
        boolean judge = body.contains("You are the judge");
        String role = judge ? "#judge" : body.contains("You split one student") ? "#segment"
                : body.contains("You help a university teacher review") ? "#summary"
                        : body.contains("You split a homework problem set") ? "#problems"
                                : body.contains("You route a teacher's question") ? "#route"
                                        : body.contains("Reword the computed answer") ? "#phrase" : "";
        Step step;
        if (refused(ex)) {
            send(ex, 401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}");
            answered.add(new Answered(model, body, 401, received));
            return;
        }
        synchronized (scripts) {
            Deque<Step> script = scripts.get(model + role);
            step = script == null || script.isEmpty() ? null : script.pollFirst();
        }
        if (step == null) {
            String v = verdicts.getOrDefault(model + role, verdicts.get(model));
            step = v == null ? Step.status(404, "{\"error\":{\"message\":\"model " + model + " not found\"}}",
                    Map.of()) : Step.reply(v);
        }
        Semaphore cap = capacity;
        try {
            if (cap != null) {
                cap.acquireUninterruptibly();
            }
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            sleep(step.delayMs() + latencyMs);
            if (step.raw()) {
                step.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                send(ex, step.status(), step.text());
            } else if (step.tool() != null) {
                send(ex, 200, wrapTool(kind, model, step.tool(), step.text()));
            } else {
                send(ex, 200, wrap(kind, model, step.text()));
            }
            answered.add(new Answered(model, body, step.raw() ? step.status() : 200, received));
        } finally {
            inFlight.decrementAndGet();
            if (cap != null) {
                cap.release();
            }
        }
    }

    private boolean refused(HttpExchange ex) {
        String query = ex.getRequestURI().getRawQuery() == null ? "" : ex.getRequestURI().getRawQuery();
        List<String> sent = new ArrayList<>(List.of(query));
        for (String h : List.of("Authorization", "x-api-key", "x-goog-api-key")) {
            sent.addAll(ex.getRequestHeaders().getOrDefault(h, List.of()));
        }
        return refusedKeys.stream().anyMatch(k -> sent.stream().anyMatch(v -> v.contains(k)));
    }

    /** A call of one tool in the provider's own response shape: OpenAI tool_calls, Anthropic tool_use, Gemini functionCall. */
    static String wrapTool(String kind, String model, String name, String arguments) throws IOException {
        String n = JSON.writeValueAsString(name);
        String args = JSON.readTree(arguments).toString();
        return switch (kind) {
            case "openai" -> "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
                    + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
                    + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":" + n
                    + ",\"arguments\":" + JSON.writeValueAsString(args) + "}}]},\"finish_reason\":\"tool_calls\"}],"
                    + "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,\"total_tokens\":120}}";
            case "anthropic" -> "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model
                    + "\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":" + n + ",\"input\":" + args
                    + "}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":100,\"output_tokens\":20}}";
            default -> "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"functionCall\":{\"name\":" + n
                    + ",\"args\":" + args + "}}]},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":"
                    + "{\"promptTokenCount\":100,\"candidatesTokenCount\":20,\"totalTokenCount\":120},"
                    + "\"modelVersion\":\"" + model + "\"}";
        };
    }

    /** The model's text in the provider's own response shape, with token usage. */
    static String wrap(String kind, String model, String text) throws IOException {
        String t = JSON.writeValueAsString(text);
        return switch (kind) {
            case "openai" -> "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\""
                    + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + t
                    + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,"
                    + "\"total_tokens\":120}}";
            case "anthropic" -> "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"" + model
                    + "\",\"content\":[{\"type\":\"text\",\"text\":" + t + "}],\"stop_reason\":\"end_turn\","
                    + "\"usage\":{\"input_tokens\":100,\"output_tokens\":20}}";
            default -> "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":" + t
                    + "}]},\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":100,"
                    + "\"candidatesTokenCount\":20,\"totalTokenCount\":120},\"modelVersion\":\"" + model + "\"}";
        };
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The JSON of the last request to {@code model}, for checking the prompt. */
    public JsonNode lastBody(String model) throws IOException {
        List<Seen> all = seen();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (model.equals(all.get(i).model())) {
                return JSON.readTree(all.get(i).body());
            }
        }
        throw new AssertionError("no request to " + model);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * A port on 127.0.0.1 that accepts connections and never answers HTTP: {@link #silent()} keeps each connection
     * open and says nothing, {@link #banner()} writes a line of another protocol and hangs up.
     */
    public static final class OpenPort implements AutoCloseable {

        private static final byte[] BANNER = "SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII);

        private final ServerSocket socket;
        private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger accepted = new AtomicInteger();

        private OpenPort(boolean banner) throws IOException {
            socket = new ServerSocket(0, 1000, InetAddress.getByName("127.0.0.1"));
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.incrementAndGet();
                        if (banner) {
                            try (s) {
                                s.getOutputStream().write(BANNER);
                            }
                        } else {
                            held.add(s);
                        }
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "stub-open-port");
            t.setDaemon(true);
            t.start();
        }

        public static OpenPort silent() throws IOException {
            return new OpenPort(false);
        }

        public static OpenPort banner() throws IOException {
            return new OpenPort(true);
        }

        public int port() {
            return socket.getLocalPort();
        }

        public int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
