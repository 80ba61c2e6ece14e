package ai.smartai.model.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A teacher's question about a task's class, in Chinese or English; {@code lang} picks the answer's language. */
public record ClassQuestion(
        @NotBlank @Size(max = 500) String question,
        @Pattern(regexp = "zh|en") String lang) {
}
