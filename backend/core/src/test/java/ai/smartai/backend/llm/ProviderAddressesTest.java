package ai.smartai.backend.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which addresses a provider may be reached at: every range the red team used, in every spelling. */
class ProviderAddressesTest {

    static final List<String> REFUSED = List.of(
            // loopback, private, link-local, unspecified, broadcast, multicast, reserved
            "127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.5.4", "172.31.255.255", "192.168.0.10", "169.254.1.1",
            "0.0.0.0", "0.1.2.3", "255.255.255.255", "224.0.0.251", "239.255.255.250", "240.0.0.1",
            // cloud metadata, CGNAT, benchmarking, IETF protocol assignments
            "169.254.169.254", "100.100.100.200", "100.64.0.1", "100.127.255.255", "198.18.0.1", "198.19.255.255",
            "192.0.0.170",
            // IPv6: loopback, unspecified, link-local, unique local, metadata, multicast, NAT64, 6to4, Teredo
            "::1", "::", "fe80::1", "fc00::1", "fd00::1", "fd00:ec2::254", "ff02::1", "64:ff9b::a9fe:a9fe",
            "64:ff9b::808:808", "64:ff9b:1::1", "2002:7f00:1::", "2001:0:4136:e378:8000:63bf:3fff:fdd2",
            // IPv4-mapped and IPv4-compatible forms
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::ffff:100.100.100.200",
            "::ffff:a9fe:a9fe", "::127.0.0.1");

    static final List<String> PUBLIC = List.of("8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0",
            "198.17.255.255", "198.20.0.0", "172.15.255.255", "172.32.0.0", "169.253.255.255",
            "2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8");

    static ProviderAddresses policy(List<String> allowed, Map<String, String> dns) {
        return new ProviderAddresses(false, allowed, host -> {
            String ip = dns.getOrDefault(host, host);
            return new InetAddress[] { InetAddress.getByName(ip) };
        });
    }

    @Test
    void everyPrivateReservedAndMetadataRangeIsRefusedByDefault() throws Exception {
        ProviderAddresses byDefault = policy(List.of(), Map.of());
        for (String ip : REFUSED) {
            assertThat(ProviderAddresses.restriction(InetAddress.getByName(ip))).as(ip).isPresent();
            assertThatThrownBy(() -> byDefault.pick(ip, 443)).as(ip).isInstanceOf(ProviderAddresses.Refused.class)
                    .hasMessageContaining("SMARTAI_LLM_ALLOWED_HOSTS");
            assertThatThrownBy(() -> byDefault.pick("[" + ip + "]", 443)).as(ip)
                    .isInstanceOf(ProviderAddresses.Refused.class);
        }
        // A mapped address that the resolver hands over as IPv6, not converted to IPv4.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        assertThat(ProviderAddresses.restriction(Inet6Address.getByAddress(null, mapped, -1)))
                .contains("IPv4-mapped cloud metadata");
    }

    @Test
    void publicAddressesAreAccepted() throws Exception {
        ProviderAddresses byDefault = policy(List.of(), Map.of());
        for (String ip : PUBLIC) {
            assertThat(ProviderAddresses.restriction(InetAddress.getByName(ip))).as(ip).isEmpty();
            assertThat(byDefault.pick(ip, 443)).as(ip).isEqualTo(InetAddress.getByName(ip));
        }
    }

    @Test
    void aNameThatResolvesToAPrivateAddressIsRefused() throws Exception {
        ProviderAddresses byDefault = new ProviderAddresses(false, List.of(), host -> switch (host) {
            case "internal.example" -> new InetAddress[] { InetAddress.getByName("10.0.0.7") };
            case "mixed.example" -> new InetAddress[] { InetAddress.getByName("8.8.8.8"),
                    InetAddress.getByName("169.254.169.254") };
            case "public.example" -> new InetAddress[] { InetAddress.getByName("8.8.4.4") };
            default -> throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> byDefault.pick("internal.example", 443))
                .isInstanceOf(ProviderAddresses.Refused.class).hasMessageStartingWith("internal.example ");
        // One private address among public ones is enough: the client might connect to any of them.
        assertThatThrownBy(() -> byDefault.pick("mixed.example", 443)).isInstanceOf(ProviderAddresses.Refused.class);
        assertThat(byDefault.pick("Public.Example.", 443)).isEqualTo(InetAddress.getByName("8.8.4.4"));
        // This machine's own name is refused like its address.
        assertThatThrownBy(() -> new ProviderAddresses(false, List.of(), InetAddress::getAllByName)
                .pick("localhost", 11434)).isInstanceOf(ProviderAddresses.Refused.class);
    }

    @Test
    void allowlistedHostsAndRangesAreAcceptedAndNothingBeside() throws Exception {
        ProviderAddresses allowing = policy(List.of("ollama.lan:11434", "127.0.0.1", " 10.8.0.0/24 ", "[::1]:8080",
                "vllm.lan"),
                Map.of("ollama.lan", "10.0.0.7", "vllm.lan", "192.168.1.5", "localhost", "127.0.0.1",
                        "gpu.lan", "10.8.0.9", "other.lan", "10.8.1.9"));
        assertThat(allowing.pick("ollama.lan", 11434)).isEqualTo(InetAddress.getByName("10.0.0.7"));
        assertThatThrownBy(() -> allowing.pick("ollama.lan", 80)).isInstanceOf(ProviderAddresses.Refused.class);
        assertThat(allowing.pick("vllm.lan", 8000)).isEqualTo(InetAddress.getByName("192.168.1.5"));
        assertThat(allowing.pick("127.0.0.1", 9)).isEqualTo(InetAddress.getByName("127.0.0.1"));
        // A host entry is the host as written; a name that resolves to it needs a range entry.
        assertThatThrownBy(() -> allowing.pick("localhost", 9)).isInstanceOf(ProviderAddresses.Refused.class);
        assertThat(allowing.pick("gpu.lan", 80)).isEqualTo(InetAddress.getByName("10.8.0.9"));
        assertThatThrownBy(() -> allowing.pick("other.lan", 80)).isInstanceOf(ProviderAddresses.Refused.class);
        assertThat(allowing.pick("[::1]", 8080)).isEqualTo(InetAddress.getByName("::1"));
        assertThatThrownBy(() -> allowing.pick("::1", 8081)).isInstanceOf(ProviderAddresses.Refused.class);
        assertThatThrownBy(() -> allowing.pick("169.254.169.254", 80)).isInstanceOf(ProviderAddresses.Refused.class);

        ProviderAddresses open = new ProviderAddresses(true, List.of(), h -> new InetAddress[] {
                InetAddress.getByName(h) });
        assertThatCode(() -> open.pick("10.0.0.1", 80)).doesNotThrowAnyException();
    }

    @Test
    void aMalformedAllowlistEntryStopsTheStartWithItsName() {
        assertThatThrownBy(() -> policy(List.of("10.0.0.0/99"), Map.of()))
                .hasMessageContaining("smartai.llm.allowed-hosts").hasMessageContaining("10.0.0.0/99");
        assertThatThrownBy(() -> policy(List.of("ollama.lan:http"), Map.of()))
                .hasMessageContaining("ollama.lan:http");
    }
}
