package ai.smartai.model.grade;

import java.time.Instant;

public record GradeOverride(Double score, String comment, String by, Instant at) {
}
