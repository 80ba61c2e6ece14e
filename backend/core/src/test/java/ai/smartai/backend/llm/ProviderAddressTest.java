package ai.smartai.backend.llm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as "this machine or a private network" when a server refuses those base URLs. */
class ProviderAddressTest {

    @Test
    void loopbackPrivateLinkLocalAndUnknownHostsArePrivate() {
        for (String host : new String[] { "127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "172.16.5.4",
                "169.254.169.254", "::1", "fd00::1", "0.0.0.0", "no-such-host.invalid" }) {
            assertThat(ProviderService.isPrivate(host)).as(host).isTrue();
        }
        for (String host : new String[] { "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111" }) {
            assertThat(ProviderService.isPrivate(host)).as(host).isFalse();
        }
    }
}
