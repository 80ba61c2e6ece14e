package ai.smartai.model.grade;

public record ExpertVote(
        String provider,
        String model,
        Double score,
        Double confidence,
        String comment,
        Long latencyMs,
        Integer tokens,
        String error) {
}
