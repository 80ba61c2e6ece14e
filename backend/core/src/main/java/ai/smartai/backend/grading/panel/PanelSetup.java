package ai.smartai.backend.grading.panel;

import java.util.List;

import ai.smartai.backend.llm.ActiveProvider;

/** Who grades on a task's panel: the teacher's enabled providers, the judge among them, and samples per expert. */
public record PanelSetup(List<ActiveProvider> experts, ActiveProvider judge, int samples) {

    public static final PanelSetup NONE = new PanelSetup(List.of(), null, 1);

    public boolean active() {
        return !experts.isEmpty();
    }
}
