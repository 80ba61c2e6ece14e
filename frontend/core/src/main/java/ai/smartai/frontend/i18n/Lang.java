package ai.smartai.frontend.i18n;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import ai.smartai.model.common.Message;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The language of this request: the teacher's switch (a cookie) wins, then the browser's Accept-Language, then
 * English. Templates read it as {@code inject:lang}.
 */
@RequestScoped
@Named("lang")
public class Lang {

    public static final String COOKIE = "smartai_lang";

    @Inject
    CurrentVertxRequest request;

    private String tag;

    /** "zh" or "en". */
    public String tag() {
        if (tag == null) {
            RoutingContext rc = request.getCurrent();
            tag = rc == null ? "en" : resolve(cookie(rc), rc.request().getHeader("Accept-Language"));
        }
        return tag;
    }

    public boolean zh() {
        return "zh".equals(tag());
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
    }

    /** A server text (review reason, evidence, group name) in this request's language. */
    public String text(Message message) {
        return message == null ? "" : message.render(tag());
    }

    /** The messages in this request's language, for text made in Java. */
    public Msg msg() {
        return MessageBundles.get(Msg.class, Localized.Literal.of(tag()));
    }

    static String resolve(String cookie, String acceptLanguage) {
        if ("zh".equals(cookie) || "en".equals(cookie)) {
            return cookie;
        }
        if (acceptLanguage != null) {
            // The first of zh or en in the browser's order; quality values are in order in practice.
            for (String part : acceptLanguage.split(",")) {
                String lang = part.strip().toLowerCase(Locale.ROOT);
                if (lang.startsWith("zh")) {
                    return "zh";
                }
                if (lang.startsWith("en")) {
                    return "en";
                }
            }
        }
        return "en";
    }

    /** Read from every Cookie header: some clients send one header a cookie. */
    private static String cookie(RoutingContext rc) {
        for (String header : rc.request().headers().getAll("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(COOKIE)) {
                    return pair.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }
}
