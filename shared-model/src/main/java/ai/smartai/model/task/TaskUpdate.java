package ai.smartai.model.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** A partial update: null fields stay as they are. */
public record TaskUpdate(@Size(min = 1, max = 200) String name, @Valid TaskSettings settings) {
}
