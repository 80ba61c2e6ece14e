package ai.smartai.model.account;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An account's role. A teaching assistant ({@code ta}) grades and reviews the tasks teachers share with them, but
 * creates, deletes and shares no task and manages no LLM provider.
 */
public enum Role {
    @JsonProperty("admin")
    ADMIN,
    @JsonProperty("teacher")
    TEACHER,
    @JsonProperty("ta")
    TA;

    /** Whether this account may own tasks (create, delete and share them) and manage LLM providers. */
    public boolean teaches() {
        return this != TA;
    }
}
