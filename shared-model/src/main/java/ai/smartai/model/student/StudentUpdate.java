package ai.smartai.model.student;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Fixes a student's identity. Null fields stay as they are. */
public record StudentUpdate(
        @Size(min = 1, max = 64) @Pattern(regexp = "[^/\\\\]+", message = "must not contain slashes") String id,
        @Size(max = 100) String name) {
}
