package ai.smartai.backend.account;

import java.security.GeneralSecurityException;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt through Quarkus security's Elytron. */
final class Passwords {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    /** Verified against when the user does not exist, so both paths cost the same time. */
    static final String DUMMY_HASH = BcryptUtil.bcryptHash("no-such-user-dummy-password");

    private Passwords() {
    }

    static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    static boolean matches(String password, String modularCryptHash) {
        try {
            Password stored = ModularCrypt.decode(modularCryptHash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
