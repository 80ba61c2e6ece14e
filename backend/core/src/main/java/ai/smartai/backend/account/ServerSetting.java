package ai.smartai.backend.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One server-wide setting an administrator changed; unset ones take their environment default. */
@Entity
@Table(name = "server_setting")
public class ServerSetting {

    @Id
    private String name;
    @Column(name = "setting_value", nullable = false)
    private String value;

    protected ServerSetting() {
    }

    public ServerSetting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
