package ai.smartai.backend.grading.panel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.grading.GradeResult;
import ai.smartai.backend.grading.GradingInput;
import ai.smartai.backend.llm.ActiveProvider;
import ai.smartai.backend.llm.Deadline;
import ai.smartai.backend.llm.LlmClient;
import ai.smartai.backend.llm.LlmFailure;
import ai.smartai.backend.llm.ProviderBreaker;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.ExpertVote;
import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.problem.ProblemType;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;

/**
 * The expert panel: every enabled provider grades an answer on its own, in parallel, with the tools' evidence and
 * bounds in the prompt; a judge merges two or more votes. A failing provider drops out; with none left the tools'
 * grade stands, flagged for review. A score is never made up.
 */
@ApplicationScoped
public class LlmPanel {

    /** The panel's grade, each expert's vote, and the tokens it spent. */
    public record Outcome(GradeResult result, List<ExpertVote> experts, long tokens) {
    }

    /** One expert's verdict after the bounds, or its failure. */
    record Vote(ActiveProvider provider, ExpertVerdict verdict, double score, long latencyMs, int tokens,
            String error, double spread) {
        boolean ok() {
            return verdict != null;
        }
    }

    /** Share of the maximum by which experts may differ before a teacher must look. */
    static final double DISAGREEMENT = 0.30;

    @Inject
    LlmClient client;

    @Inject
    ProviderBreaker breaker;

    @Inject
    SmartaiConfig config;

    private ThreadPoolExecutor pool;
    private ThreadPoolExecutor experts;

    /**
     * Two bounded pools, so a panel waiting for its experts never holds the threads they need. Their queues are
     * generous because grading's own bounds (llm-workers per run, the job pool) keep them far from full; should one
     * fill, the grading worker that submits runs the work itself rather than drop an answer.
     */
    @PostConstruct
    void start() {
        int threads = Math.max(2, config.llm().panelThreads());
        pool = bounded("llm-panel", threads);
        experts = bounded("llm-expert", threads);
    }

    private static ThreadPoolExecutor bounded(String name, int threads) {
        ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 64), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        p.allowCoreThreadTimeOut(true);
        return p;
    }

    /** Where panels run: they wait on the network, not the CPU. */
    public Executor executor() {
        return pool;
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
        experts.shutdownNow();
    }

    /** Choice answers with a key and blank answers are settled by the tools; the panel adds nothing but cost. */
    public static boolean applies(GradingInput in, GradeResult tools) {
        if (in.answer() == null || in.answer().isBlank()) {
            return false;
        }
        return !(in.type() == ProblemType.CHOICE && tools.score() != null);
    }

    public Outcome grade(GradingInput in, GradeResult tools, PanelSetup setup) {
        Bounds bounds = Bounds.of(in, tools);
        Deadline deadline = client.deadline();
        List<CompletableFuture<Vote>> running = setup.experts().stream()
                .map(p -> CompletableFuture.supplyAsync(() -> expert(p, in, tools, bounds, setup.samples(), deadline),
                        experts))
                .toList();
        List<Vote> votes = new ArrayList<>();
        for (int i = 0; i < running.size(); i++) {
            votes.add(await(running.get(i), setup.experts().get(i), deadline));
        }
        long tokens = votes.stream().mapToLong(Vote::tokens).sum();
        List<Vote> ok = votes.stream().filter(Vote::ok).toList();
        List<ExpertVote> shown = new ArrayList<>(votes.stream().map(v -> new ExpertVote(v.provider().displayName(),
                v.provider().model(), v.ok() ? v.score() : null, v.ok() ? v.verdict().confidence() : null,
                v.ok() ? v.verdict().comment() : null, v.latencyMs(), v.tokens(), v.error())).toList());
        List<Evidence> evidence = new ArrayList<>(tools.evidence());
        List<Message> review = new ArrayList<>(tools.reviewReasons());
        if (ok.isEmpty()) {
            String errors = votes.stream().map(v -> v.provider().displayName() + ": " + v.error())
                    .reduce((a, b) -> a + "; " + b).orElse("no provider");
            evidence.add(new Evidence("llm-panel", Message.of(MessageCode.EV_PANEL_NONE), errors));
            review.add(Message.of(MessageCode.REVIEW_PANEL_UNAVAILABLE, shorten(errors)));
            return new Outcome(new GradeResult(tools.score(), tools.maxScore(), tools.confidence(), tools.method(),
                    evidence, tools.comment(), review), shown, tokens);
        }

        double max = in.maxScore();
        double[] scores = ok.stream().mapToDouble(Vote::score).toArray();
        double low = Arrays.stream(scores).min().orElse(0);
        double high = Arrays.stream(scores).max().orElse(0);
        double median = median(scores);
        boolean disagree = high - low > DISAGREEMENT * max
                || Arrays.stream(scores).anyMatch(s -> Math.abs(s - median) > DISAGREEMENT * max);
        double score;
        double confidence = ok.stream().mapToDouble(v -> v.verdict().confidence()).average().orElse(0);
        String comment = ok.stream().max(Comparator.comparingDouble(v -> v.verdict().confidence())).orElseThrow()
                .verdict().comment();
        // A catalogue word, or the judge's own words.
        Object how;
        if (ok.size() == 1) {
            score = scores[0];
            how = MessageCode.PANEL_ONE_EXPERT;
        } else {
            Judged judged = judge(setup.judge(), in, bounds, ok, low, high);
            tokens += judged.tokens();
            if (judged.verdict() != null) {
                score = judged.score();
                confidence = Math.min(confidence, judged.verdict().confidence());
                if (judged.verdict().comment() != null && !judged.verdict().comment().isBlank()) {
                    comment = judged.verdict().comment();
                }
                how = "judge " + setup.judge().displayName() + (judged.verdict().disagreement() == null
                        || judged.verdict().disagreement().isBlank() ? "" : ": " + judged.verdict().disagreement());
            } else {
                score = weightedMean(ok);
                how = judged.error() == null ? MessageCode.PANEL_MEAN
                        : "confidence-weighted mean (judge failed: " + shorten(judged.error()) + ")";
            }
            shown.add(new ExpertVote("judge · " + (setup.judge() == null ? "none" : setup.judge().displayName()),
                    setup.judge() == null ? null : setup.judge().model(), judged.verdict() == null ? null
                            : judged.score(),
                    judged.verdict() == null ? null : judged.verdict().confidence(),
                    judged.verdict() == null ? null : judged.verdict().disagreement(), judged.latencyMs(),
                    judged.tokens(), judged.error()));
        }
        if (disagree) {
            confidence = Math.min(confidence, 0.5);
            review.add(Message.of(MessageCode.REVIEW_PANEL_DISAGREE, ok.stream().map(v -> v.provider().displayName()
                    + " " + PanelPrompts.num(v.score())).reduce((a, b) -> a + ", " + b).orElse(""),
                    PanelPrompts.num(max)));
        }
        ok.stream().filter(v -> v.spread() > DISAGREEMENT * max).forEach(v -> review.add(Message.of(
                MessageCode.REVIEW_PANEL_UNSTABLE, v.provider().displayName(), PanelPrompts.num(round(v.spread())))));
        if (ok.stream().anyMatch(v -> Boolean.TRUE.equals(v.verdict().injection()))) {
            review.add(Message.of(MessageCode.REVIEW_PANEL_INSTRUCTS));
        }
        if (ok.size() < votes.size()) {
            evidence.add(new Evidence("llm-panel-errors", Message.of(MessageCode.EV_PANEL_ERRORS),
                    votes.stream().filter(v -> !v.ok()).map(v -> v.provider().displayName() + ": " + v.error())
                            .reduce((a, b) -> a + "\n" + b).orElse("")));
        }
        evidence.add(Evidence.itemised("llm-panel", Message.of(MessageCode.EV_PANEL, ok.size(), ok.stream()
                .map(v -> v.provider().displayName() + " " + PanelPrompts.num(v.score()) + " ("
                        + Math.round(v.verdict().confidence() * 100) + " %)")
                .reduce((a, b) -> a + ", " + b)
                .orElse(""), how), bounds.facts()));
        double merged = bounds.clamp(score);
        if (bounds.verifiedLow() != null && merged - tools.score() > DISAGREEMENT * max) {
            // An expert that obeyed the answer instead of the rubric looks exactly like this.
            review.add(Message.of(MessageCode.REVIEW_PANEL_FAR_ABOVE, PanelPrompts.num(round(merged)),
                    PanelPrompts.num(tools.score()), PanelPrompts.num(max), bounds.verifiedLow()));
        }
        GradeResult result = new GradeResult(merged, max, confidence, GradeMethod.LLM_PANEL, evidence, comment,
                review);
        return new Outcome(result, shown, tokens);
    }

    /**
     * An expert's vote, waited for no longer than its deadline plus one request: every wait inside is bounded by
     * the same deadline, so this is a backstop, not the rule.
     */
    private Vote await(CompletableFuture<Vote> running, ActiveProvider p, Deadline deadline) {
        long patience = deadline.remaining().plus(client.timeout()).plusSeconds(5).toMillis();
        try {
            return running.get(patience, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return new Vote(p, null, 0, 0, 0, "busy: " + p.displayName() + " gave no verdict before the panel's "
                    + "time ran out", 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Vote(p, null, 0, 0, 0, "busy: grading was interrupted", 0);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Vote expert(ActiveProvider p, GradingInput in, GradeResult tools, Bounds bounds, int samples,
            Deadline deadline) {
        List<Double> scores = new ArrayList<>();
        ExpertVerdict last = null;
        long latency = 0;
        int tokens = 0;
        String error = null;
        for (int s = 0; s < Math.max(1, samples); s++) {
            String user = PanelPrompts.expert(in, tools, bounds, samples > 1 ? s : 0);
            try {
                Asked asked = ask(p, PanelPrompts.EXPERT_SYSTEM, user, in.maxScore(), PanelSchemas.EXPERT,
                        deadline);
                breaker.succeeded(p);
                latency += asked.latencyMs();
                tokens += asked.tokens();
                last = asked.verdict();
                scores.add(bounds.clamp(last.score()));
            } catch (LlmFailure e) {
                breaker.failed(p, e);
                error = e.kind() + ": " + e.getMessage();
                break;
            }
        }
        if (last == null || scores.isEmpty()) {
            return new Vote(p, null, 0, latency, tokens, error == null ? "no reply" : error, 0);
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double spread = scores.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                - scores.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return new Vote(p, last, round(mean), latency, tokens, null, spread);
    }

    record Asked(ExpertVerdict verdict, long latencyMs, int tokens) {
    }

    /** Asks; a reply that cannot be used is repaired, else re-asked once with what was wrong. */
    Asked ask(ActiveProvider p, String system, String user, double max, ResponseFormat format, Deadline deadline) {
        LlmClient.Reply first = client.chat(p, system, user, format, deadline);
        try {
            return new Asked(ExpertVerdict.parse(first.text(), max), first.latencyMs(), first.tokens());
        } catch (IllegalArgumentException bad) {
            LlmClient.Reply second = client.call(p, List.of(SystemMessage.from(system), UserMessage.from(user),
                    AiMessage.from(first.text()), UserMessage.from(PanelPrompts.reask(bad.getMessage()))), format,
                    deadline);
            try {
                ExpertVerdict v = ExpertVerdict.parse(second.text(), max);
                client.remember(p, system, user, second);
                return new Asked(v, first.latencyMs() + second.latencyMs(), first.tokens() + second.tokens());
            } catch (IllegalArgumentException again) {
                throw new LlmFailure("malformed", p.displayName() + " twice gave a reply that could not be used: "
                        + again.getMessage());
            }
        }
    }

    record Judged(ExpertVerdict verdict, double score, long latencyMs, int tokens, String error) {
    }

    private Judged judge(ActiveProvider judge, GradingInput in, Bounds bounds, List<Vote> ok, double low,
            double high) {
        if (judge == null) {
            return new Judged(null, 0, 0, 0, "no judge configured");
        }
        List<String> lines = ok.stream().map(v -> v.provider().displayName() + ": score " + PanelPrompts.num(v.score())
                + ", confidence " + v.verdict().confidence() + ", comment: " + v.verdict().comment()).toList();
        try {
            Asked a = ask(judge, PanelPrompts.JUDGE_SYSTEM, PanelPrompts.judge(in, bounds, lines), in.maxScore(),
                    PanelSchemas.JUDGE, client.deadline());
            // The judge merges; it may not leave the experts' range or the tools' bounds.
            double s = bounds.clamp(Math.max(low, Math.min(high, a.verdict().score())));
            breaker.succeeded(judge);
            return new Judged(a.verdict(), s, a.latencyMs(), a.tokens(), null);
        } catch (LlmFailure e) {
            breaker.failed(judge, e);
            return new Judged(null, 0, 0, 0, e.kind() + ": " + e.getMessage());
        }
    }

    static double weightedMean(List<Vote> ok) {
        double weights = ok.stream().mapToDouble(v -> Math.max(0.01, v.verdict().confidence())).sum();
        return ok.stream().mapToDouble(v -> v.score() * Math.max(0.01, v.verdict().confidence())).sum() / weights;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
