package ai.smartai.backend.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}, and the parsing of address literals without any
 * DNS lookup: configuration and client addresses must never make the server resolve a name.
 */
public record Cidr(byte[] network, int bits) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public Cidr {
        if (bits < 0 || bits > network.length * 8) {
            throw new IllegalArgumentException("a prefix of " + bits + " bits does not fit the address");
        }
    }

    /** {@code 10.0.0.0/8}, {@code fd00::/8}; a bare address is a range of one. */
    public static Optional<Cidr> parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        Optional<InetAddress> base = literal(slash < 0 ? s : s.substring(0, slash));
        if (base.isEmpty()) {
            return Optional.empty();
        }
        byte[] net = base.get().getAddress();
        try {
            return Optional.of(new Cidr(net, slash < 0 ? net.length * 8 : Integer.parseInt(s.substring(slash + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An IPv4 or IPv6 literal (brackets allowed), never a lookup; IPv4-mapped IPv6 comes back as IPv4. */
    public static Optional<InetAddress> literal(String text) {
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (!IPV4.matcher(s).matches() && !IPV6.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), else the address itself. */
    public static InetAddress unmapped(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length != 16) {
            return a;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return a;
            }
        }
        if ((b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return a;
        }
        try {
            return Inet4Address.getByAddress(new byte[] { b[12], b[13], b[14], b[15] });
        } catch (UnknownHostException e) {
            return a;
        }
    }

    public boolean contains(InetAddress address) {
        byte[] ip = unmapped(address).getAddress();
        if (ip.length != network.length) {
            return false;
        }
        int left = bits;
        for (int i = 0; i < network.length && left > 0; i++, left -= 8) {
            int mask = left >= 8 ? 0xff : (0xff << (8 - left)) & 0xff;
            if ((network[i] & mask) != (ip[i] & mask)) {
                return false;
            }
        }
        return true;
    }
}
