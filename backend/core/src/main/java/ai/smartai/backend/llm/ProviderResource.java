package ai.smartai.backend.llm;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.model.provider.ProviderRequest;
import ai.smartai.model.provider.ProviderTestResult;
import ai.smartai.model.provider.ProviderUpdate;
import ai.smartai.model.provider.ProviderView;
import io.quarkus.security.identity.SecurityIdentity;

/** The calling teacher's LLM providers; another teacher's ids answer 404, and a teaching assistant gets 403. */
@Path("/api/providers")
@RolesAllowed({ "admin", "teacher" })
public class ProviderResource {

    @Inject
    ProviderService providers;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<ProviderView> list() {
        return providers.list(CurrentUser.require(identity));
    }

    @POST
    public Response create(@Valid @NotNull ProviderRequest request) {
        return Response.status(201).entity(providers.create(CurrentUser.require(identity), request)).build();
    }

    @PUT
    @Path("/{id}")
    public ProviderView update(@PathParam("id") String id, @Valid @NotNull ProviderUpdate update) {
        return providers.update(CurrentUser.require(identity), id, update);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        providers.delete(CurrentUser.require(identity), id);
        return Response.noContent().build();
    }

    /** Not on a worker thread: the test, lookup included, runs on the bulkhead and answers when it ends. */
    @POST
    @Path("/{id}/test")
    public CompletionStage<ProviderTestResult> test(@PathParam("id") String id) {
        return providers.test(CurrentUser.require(identity), id);
    }
}
