package ai.smartai.backend.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

/**
 * A provider base URL as it is stored and called: http or https, a host, an optional port and a path. Userinfo, query
 * and fragment are dropped: a fragment would cut off the path the client appends, and credentials belong in the key.
 */
final class BaseUrl {

    private BaseUrl() {
    }

    /** What is wrong with a base URL, for a message that starts "baseUrl: ". */
    static final class Invalid extends IllegalArgumentException {
        private final transient Message text;

        Invalid(Message text) {
            super(text.english());
            this.text = text;
        }

        Message text() {
            return text;
        }
    }

    /** The normal form; {@link Invalid} says what is wrong. */
    static String normalise(String raw) {
        URI u;
        try {
            u = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new Invalid(Message.of(MessageCode.BASE_URL_NOT_URL, e.getReason()));
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Invalid(Message.of(MessageCode.BASE_URL_SCHEME));
        }
        if (u.getHost() == null) {
            throw new Invalid(Message.of(MessageCode.BASE_URL_NO_HOST));
        }
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    /** The port a URL connects to, explicit or the scheme's. */
    static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
