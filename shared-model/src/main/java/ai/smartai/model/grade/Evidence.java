package ai.smartai.model.grade;

/** What a tool checked and what it found: {@code kind} e.g. "cas-equivalence", "test-case", "key-term". */
public record Evidence(String kind, String summary, String detail) {
}
