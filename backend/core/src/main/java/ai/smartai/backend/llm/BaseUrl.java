package ai.smartai.backend.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A provider base URL as it is stored and called: http or https, a host, an optional port and a path. Userinfo, query
 * and fragment are dropped: a fragment would cut off the path the client appends, and credentials belong in the key.
 */
final class BaseUrl {

    private BaseUrl() {
    }

    /** The normal form; IllegalArgumentException says what is wrong, for a message that starts "baseUrl: ". */
    static String normalise(String raw) {
        URI u;
        try {
            u = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL (" + e.getReason() + ")");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("must be an http:// or https:// URL");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("has no host name or address");
        }
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
    }

    /** The port a URL connects to, explicit or the scheme's. */
    static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
