package ai.smartai.backend.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which peers may name the client in X-Forwarded-For: exact addresses and CIDR ranges (e.g. a pod network). */
class TrustedProxyTest {

    @Test
    void exactAddressesAndRangesAreTrustedAndNothingElse() {
        List<String> proxies = List.of("127.0.0.1", "10.42.0.0/16", "fd00::/8", "bogus/99x");
        assertThat(AuthResource.trusted("127.0.0.1", proxies)).isTrue();
        assertThat(AuthResource.trusted("10.42.7.9", proxies)).isTrue();
        assertThat(AuthResource.trusted("10.43.0.1", proxies)).isFalse();
        assertThat(AuthResource.trusted("fd12:3456::1", proxies)).isTrue();
        assertThat(AuthResource.trusted("203.0.113.5", proxies)).isFalse();
        assertThat(AuthResource.trusted("::1", List.of("127.0.0.1"))).isFalse();
    }

    @Test
    void theClientIsTheRightMostAddressNoTrustedProxyAdded() {
        List<String> proxies = List.of("127.0.0.1", "10.42.0.0/16");
        // Browser → reverse proxy (10.42.0.5) → frontend (127.0.0.1) → backend.
        assertThat(AuthResource.clientAddress("127.0.0.1", "203.0.113.7, 10.42.0.5", proxies)).isEqualTo("203.0.113.7");
        // A browser that forges the header is still counted as itself.
        assertThat(AuthResource.clientAddress("127.0.0.1", "1.2.3.4, 198.51.100.9", proxies)).isEqualTo("198.51.100.9");
        // An untrusted peer's header is ignored.
        assertThat(AuthResource.clientAddress("198.51.100.9", "1.2.3.4", proxies)).isEqualTo("198.51.100.9");
    }
}
