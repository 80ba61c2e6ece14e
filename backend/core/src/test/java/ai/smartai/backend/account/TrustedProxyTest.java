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
}
