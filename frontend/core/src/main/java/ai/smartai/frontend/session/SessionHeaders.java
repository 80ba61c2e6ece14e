package ai.smartai.frontend.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every backend call a signed-in page makes carries the page's session as {@code Authorization: Bearer …}, the same
 * over loopback in the launcher and over the network in split mode. Without a session no header is sent.
 */
@ApplicationScoped
public class SessionHeaders implements ClientHeadersFactory {

    @Inject
    SessionToken session;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        session.get().ifPresent(token -> headers.putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        return headers;
    }
}
