package ai.smartai.model.provider;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ProviderKind {
    /** The OpenAI chat-completions wire format, which OpenAI-compatible servers speak too. */
    @JsonProperty("openai")
    OPENAI,
    @JsonProperty("anthropic")
    ANTHROPIC,
    @JsonProperty("gemini")
    GEMINI
}
