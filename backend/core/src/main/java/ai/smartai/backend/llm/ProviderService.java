package ai.smartai.backend.llm;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.provider.ProviderKind;
import ai.smartai.model.provider.ProviderRequest;
import ai.smartai.model.provider.ProviderTestResult;
import ai.smartai.model.provider.ProviderUpdate;
import ai.smartai.model.provider.ProviderView;
import dev.langchain4j.data.message.UserMessage;

/** A teacher's own LLM providers: keys encrypted at rest, masked in every answer, never shared. */
@ApplicationScoped
public class ProviderService {

    @Inject
    ProviderRepository providers;

    @Inject
    KeyVault vault;

    @Inject
    LlmClient client;

    @Inject
    ai.smartai.backend.config.SmartaiConfig config;

    Clock clock = Clock.systemUTC();

    @Transactional
    public List<ProviderView> list(CurrentUser user) {
        return providers.listOwned(user.id()).stream().map(ProviderService::view).toList();
    }

    @Transactional
    public ProviderView create(CurrentUser user, ProviderRequest r) {
        Provider p = new Provider(Ids.newId(), user.id(), clock.instant());
        p.configure(r.kind(), baseUrl(r.baseUrl()), r.model().strip(), displayName(r.displayName(), r.kind(),
                r.model()), r.maxConcurrent() == null ? 4 : r.maxConcurrent(), r.rpm() == null ? 60 : r.rpm(),
                r.enabled() == null || r.enabled());
        p.setKey(vault.encrypt(r.apiKey().strip(), p.getId(), user.id()), KeyVault.mask(r.apiKey()));
        providers.persist(p);
        return view(p);
    }

    @Transactional
    public ProviderView update(CurrentUser user, String id, ProviderUpdate u) {
        Provider p = require(user, id);
        ProviderKind kind = u.kind() == null ? p.getKind() : u.kind();
        String model = u.model() == null ? p.getModel() : u.model().strip();
        p.configure(kind, u.baseUrl() == null ? p.getBaseUrl() : baseUrl(u.baseUrl()), model,
                u.displayName() == null ? p.getDisplayName() : displayName(u.displayName(), kind, model),
                u.maxConcurrent() == null ? p.getMaxConcurrent() : u.maxConcurrent(),
                u.rpm() == null ? p.getRpm() : u.rpm(), u.enabled() == null ? p.isEnabled() : u.enabled());
        if (u.apiKey() != null && !u.apiKey().isBlank()) {
            p.setKey(vault.encrypt(u.apiKey().strip(), p.getId(), user.id()), KeyVault.mask(u.apiKey()));
        }
        return view(p);
    }

    @Transactional
    public void delete(CurrentUser user, String id) {
        providers.delete(require(user, id));
    }

    /** One tiny request; the provider's exact error when it fails. */
    public ProviderTestResult test(CurrentUser user, String id) {
        ActiveProvider p = active(user.id(), id);
        long start = System.nanoTime();
        try {
            client.call(p, List.of(UserMessage.from("Reply with the single word OK.")));
            return new ProviderTestResult(true, (System.nanoTime() - start) / 1_000_000, null);
        } catch (LlmFailure e) {
            return new ProviderTestResult(false, (System.nanoTime() - start) / 1_000_000, e.getMessage());
        }
    }

    /** The owner's enabled providers, keys decrypted, in the owner's order. */
    @Transactional
    public List<ActiveProvider> enabled(String ownerId) {
        return providers.listOwned(ownerId).stream().filter(Provider::isEnabled).map(this::activate).toList();
    }

    @Transactional
    ActiveProvider active(String ownerId, String id) {
        return activate(providers.findOwned(id, ownerId).orElseThrow(() -> ApiException.notFound("Provider", id)));
    }

    private ActiveProvider activate(Provider p) {
        return new ActiveProvider(p.getId(), p.getOwnerId(), p.getKind(), p.getBaseUrl(), p.getModel(),
                p.getDisplayName(), p.getMaxConcurrent(), p.getRpm(),
                vault.decrypt(p.getKeyCipher(), p.getId(), p.getOwnerId()));
    }

    private Provider require(CurrentUser user, String id) {
        return providers.findOwned(id, user.id()).orElseThrow(() -> ApiException.notFound("Provider", id));
    }

    static ProviderView view(Provider p) {
        return new ProviderView(p.getId(), p.getKind(), p.getBaseUrl(), p.getModel(), p.getDisplayName(),
                p.getMaxConcurrent(), p.getRpm(), p.isEnabled(), p.getKeyHint());
    }

    private String baseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI u;
        try {
            u = URI.create(url.strip());
            if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("validation_failed", "baseUrl: '" + url + "' is not an http(s) URL");
        }
        if (!config.llm().allowPrivateNetworks() && isPrivate(u.getHost())) {
            throw ApiException.badRequest("validation_failed", "baseUrl: " + u.getHost() + " is on this machine or a "
                    + "private network, which this server does not allow for providers.");
        }
        return url.strip();
    }

    /** Loopback, private, link-local (cloud metadata) or unresolvable: not a public provider. */
    static boolean isPrivate(String host) {
        try {
            for (java.net.InetAddress a : java.net.InetAddress.getAllByName(host)) {
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                        || a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc)) {
                    return true;
                }
            }
            return false;
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    private static String displayName(String name, ProviderKind kind, String model) {
        return name == null || name.isBlank() ? kind.name().toLowerCase(java.util.Locale.ROOT) + " · " + model
                : name.strip();
    }
}
