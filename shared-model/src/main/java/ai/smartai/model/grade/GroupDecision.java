package ai.smartai.model.grade;

import java.util.List;

import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The teacher's grade for every answer of a review group: a {@code score}, or {@code rubricItems} (numbers from 1 in
 * the problem's rubric, or their descriptions) whose points add up to it; with an optional comment to the students.
 * {@code studentIds}, when given, decides only those members of the group and leaves the rest as they are: a split.
 */
public record GroupDecision(
        @PositiveOrZero Double score,
        @Size(max = 50) List<@Size(max = 2000) String> rubricItems,
        @Size(max = 20_000) String comment,
        @Size(max = 10_000) List<String> studentIds) {
}
