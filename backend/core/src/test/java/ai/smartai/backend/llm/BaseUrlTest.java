package ai.smartai.backend.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Base URLs are stored and called in one form: a fragment cannot cut off the path, userinfo never travels. */
class BaseUrlTest {

    @Test
    void fragmentUserinfoAndQueryAreDropped() {
        assertThat(BaseUrl.normalise("http://127.0.0.1:8080/v1#")).isEqualTo("http://127.0.0.1:8080/v1");
        assertThat(BaseUrl.normalise(" HTTPS://user:secret@API.example.com/v1?x=1#frag "))
                .isEqualTo("https://api.example.com/v1");
        assertThat(BaseUrl.normalise("https://api.anthropic.com/v1/")).isEqualTo("https://api.anthropic.com/v1/");
        assertThat(BaseUrl.normalise("http://[::1]:11434")).isEqualTo("http://[::1]:11434");
        // userinfo that looks like a host: the real host is what follows the @.
        assertThat(BaseUrl.normalise("http://api.openai.com@10.0.0.1/v1")).isEqualTo("http://10.0.0.1/v1");
    }

    @Test
    void onlyHttpAndHttpsWithAHostAreUrls() {
        for (String bad : new String[] { "ftp://host/v1", "file:///etc/passwd", "gopher://127.0.0.1:6379/_x",
                "javascript:alert(1)", "http:///v1", "not a url", "//host/v1" }) {
            assertThatThrownBy(() -> BaseUrl.normalise(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
