package ai.smartai.frontend.pages;

import io.quarkus.qute.TemplateInstance;

/** A form the backend refused, to be shown again with the backend's message; {@link BackendErrors} answers with it. */
public class FormFailure extends RuntimeException {

    private final int status;
    private final transient TemplateInstance page;

    FormFailure(int status, TemplateInstance page, Throwable cause) {
        super(cause.getMessage(), cause);
        this.status = status;
        this.page = page;
    }

    public int status() {
        return status;
    }

    public TemplateInstance page() {
        return page;
    }
}
