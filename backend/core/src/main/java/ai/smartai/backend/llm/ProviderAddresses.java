package ai.smartai.backend.llm;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import ai.smartai.backend.config.SmartaiConfig;
import ai.smartai.backend.net.Cidr;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;

/**
 * Which addresses a teacher's provider may be reached at. A host is resolved once, every address it resolves to is
 * checked, and the call connects to the checked address ({@link WireHttpClient}), so a name that resolves elsewhere
 * later (DNS rebinding) gains nothing. Private and reserved ranges are refused unless an administrator allows a host
 * ({@code SMARTAI_LLM_ALLOWED_HOSTS}) or every private network ({@code SMARTAI_LLM_ALLOW_PRIVATE_NETWORKS}).
 */
@Singleton
public class ProviderAddresses {

    /** Resolves a name; a test plays a rebinding DNS server with it. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A host this server will not call; the message names it and says who can allow it. */
    static final class Refused extends Exception {
        private final transient Message text;

        Refused(String host) {
            this(Message.of(MessageCode.BASE_URL_PRIVATE, host));
        }

        private Refused(Message text) {
            super(text.english(), null, false, false);
            this.text = text;
        }

        Message text() {
            return text;
        }
    }

    private record Range(Cidr cidr, String what) {
    }

    /** An allowlist entry: a host as written in base URLs (port optional), or a range of resolved addresses. */
    private record Allowed(String host, InetAddress literal, Integer port, Cidr range) {
    }

    /** Cloud metadata first, so that is what a refusal of those addresses is called. */
    private static final List<Range> RESTRICTED = List.of(
            range("169.254.169.254/32", "cloud metadata"), range("100.100.100.200/32", "cloud metadata"),
            range("fd00:ec2::254/128", "cloud metadata"),
            range("0.0.0.0/8", "unspecified"), range("10.0.0.0/8", "private"), range("100.64.0.0/10", "CGNAT"),
            range("127.0.0.0/8", "loopback"), range("169.254.0.0/16", "link-local"),
            range("172.16.0.0/12", "private"), range("192.0.0.0/24", "IETF protocol assignments"),
            range("192.0.2.0/24", "documentation"), range("192.88.99.0/24", "6to4 relay"),
            range("192.168.0.0/16", "private"), range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"), range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"), range("240.0.0.0/4", "reserved or broadcast"),
            range("::/128", "unspecified"), range("::1/128", "loopback"), range("::/96", "IPv4-compatible"),
            range("64:ff9b::/96", "NAT64"), range("64:ff9b:1::/48", "NAT64"), range("100::/64", "discard"),
            range("2001::/32", "Teredo"), range("2001:db8::/32", "documentation"), range("2002::/16", "6to4"),
            range("fc00::/7", "private (unique local)"), range("fe80::/10", "link-local"),
            range("fec0::/10", "site-local"), range("ff00::/8", "multicast"));

    private final boolean allowPrivate;
    private final List<Allowed> allowed;
    private final Resolver resolver;

    @Inject
    ProviderAddresses(SmartaiConfig config) {
        this(config.llm().allowPrivateNetworks(), config.llm().allowedHosts().orElse(List.of()),
                InetAddress::getAllByName);
    }

    ProviderAddresses(boolean allowPrivate, List<String> allowedHosts, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
        List<Allowed> entries = new ArrayList<>();
        for (String raw : allowedHosts) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/")) {
                entries.add(new Allowed(null, null, null, Cidr.parse(entry).orElseThrow(
                        () -> new IllegalArgumentException("smartai.llm.allowed-hosts: '" + entry
                                + "' is not a CIDR range"))));
                continue;
            }
            // host, host:port, [v6], [v6]:port, or a bare v6 literal (more than one colon, no port).
            String host = entry;
            String port = null;
            int colon = entry.startsWith("[") ? entry.indexOf("]:") + 1 : entry.indexOf(':');
            if (colon > 0 && (entry.startsWith("[") || colon == entry.lastIndexOf(':'))) {
                host = entry.substring(0, colon);
                port = entry.substring(colon + 1);
            }
            Integer number;
            try {
                number = port == null ? null : Integer.valueOf(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("smartai.llm.allowed-hosts: '" + entry + "' has no valid port");
            }
            String name = bare(host);
            entries.add(new Allowed(name, Cidr.literal(name).orElse(null), number, null));
        }
        this.allowed = List.copyOf(entries);
    }

    /**
     * The one address to connect to for {@code host}: all its addresses are checked, the first is returned.
     *
     * @throws Refused if any address is private or reserved and nothing allows it
     * @throws UnknownHostException if the name does not resolve
     */
    InetAddress pick(String host, int port) throws Refused, UnknownHostException {
        String name = bare(host);
        InetAddress[] all = resolver.resolve(name);
        if (all.length == 0) {
            throw new UnknownHostException(name);
        }
        if (allowPrivate || allowedByName(name, port)) {
            return all[0];
        }
        for (InetAddress a : all) {
            if (restriction(a).isPresent() && allowed.stream().noneMatch(e -> e.range() != null
                    && e.range().contains(a))) {
                throw new Refused(name);
            }
        }
        return all[0];
    }

    /** The kind of private or reserved range {@code address} is in, or empty for a public address. */
    static Optional<String> restriction(InetAddress address) {
        InetAddress a = Cidr.unmapped(address);
        String mapped = a == address ? "" : "IPv4-mapped ";
        return RESTRICTED.stream().filter(r -> r.cidr().contains(a)).findFirst().map(r -> mapped + r.what());
    }

    private boolean allowedByName(String host, int port) {
        InetAddress literal = Cidr.literal(host).orElse(null);
        return allowed.stream().filter(e -> e.host() != null && (e.port() == null || e.port() == port))
                .anyMatch(e -> e.literal() != null ? e.literal().equals(literal) : e.host().equals(host));
    }

    /** Lower case, without the brackets of an IPv6 literal or a trailing dot. */
    private static String bare(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static Range range(String cidr, String what) {
        return new Range(Cidr.parse(cidr).orElseThrow(), what);
    }
}
