package ai.smartai.backend.llm;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.account.CurrentUser;
import ai.smartai.backend.db.Ids;
import ai.smartai.backend.web.ApiException;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.provider.ProviderKind;
import ai.smartai.model.provider.ProviderRequest;
import ai.smartai.model.provider.ProviderTestResult;
import ai.smartai.model.provider.ProviderUpdate;
import ai.smartai.model.provider.ProviderView;
import dev.langchain4j.data.message.UserMessage;
import org.jboss.logging.Logger;

/** A teacher's own LLM providers: keys encrypted at rest, masked in every answer, never shared. */
@ApplicationScoped
public class ProviderService {

    private static final Logger LOG = Logger.getLogger(ProviderService.class);

    @Inject
    ProviderRepository providers;

    @Inject
    KeyVault vault;

    @Inject
    LlmClient client;

    @Inject
    LlmBulkhead bulkhead;

    @Inject
    ProviderTestThrottle throttle;

    @Inject
    ProviderAddresses addresses;

    @Inject
    ProviderBreaker breaker;

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
        if (p.isEnabled()) {
            breaker.reset(p.getId());
        }
        return view(p);
    }

    @Transactional
    public void delete(CurrentUser user, String id) {
        providers.delete(require(user, id));
    }

    /**
     * One tiny request on the bulkhead, answered within the provider timeout: the provider's own error message when
     * it fails. A few per teacher a minute. The lookup (404 for another teacher's provider) runs on the bulkhead too,
     * so a burst of tests costs the request threads nothing but the login check, and a full bulkhead costs nothing.
     */
    public CompletionStage<ProviderTestResult> test(CurrentUser user, String id) {
        throttle.check(user.id());
        long start = System.nanoTime();
        Duration patience = client.timeout();
        AtomicReference<String> name = new AtomicReference<>("the provider");
        return bulkhead.submit(patience, deadline -> {
            ActiveProvider p;
            try {
                p = active(user.id(), id);
            } catch (KeyVault.KeyLost e) {
                return new ProviderTestResult(false, since(start), e.getMessage());
            }
            name.set(p.displayName());
            // A test always reaches the provider, paused or not: it is how the teacher sees whether it is back.
            breaker.reset(p.id());
            try {
                client.call(p, List.of(UserMessage.from("Reply with the single word OK.")), null, deadline);
                breaker.succeeded(p);
                return new ProviderTestResult(true, since(start), null);
            } catch (LlmFailure e) {
                breaker.testFailed(p, e);
                return new ProviderTestResult(false, since(start), e.getMessage());
            }
        }, () -> new ProviderTestResult(false, since(start), LlmFailure.unreachable(name.get(), patience)
                .getMessage()));
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The owner's enabled providers, keys decrypted, in the owner's order. */
    @Transactional
    public List<ActiveProvider> enabled(String ownerId) {
        return providers.listOwned(ownerId).stream().filter(Provider::isEnabled).map(this::usable)
                .flatMap(Optional::stream).toList();
    }

    /** A provider whose key is lost is left out, so grading goes on with the tools and the other experts. */
    private Optional<ActiveProvider> usable(Provider p) {
        try {
            return Optional.of(activate(p));
        } catch (KeyVault.KeyLost e) {
            LOG.warnf("Provider %s of %s left out: %s", p.getId(), p.getOwnerId(), e.getMessage());
            return Optional.empty();
        }
    }

    @Transactional
    ActiveProvider active(String ownerId, String id) {
        return activate(providers.findOwned(id, ownerId)
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_PROVIDER, id)));
    }

    private ActiveProvider activate(Provider p) {
        return new ActiveProvider(p.getId(), p.getOwnerId(), p.getKind(), p.getBaseUrl(), p.getModel(),
                p.getDisplayName(), p.getMaxConcurrent(), p.getRpm(),
                vault.decrypt(p.getKeyCipher(), p.getId(), p.getOwnerId()));
    }

    /** The circuit breaker's pause, kept on the provider with its reason. */
    @Transactional
    public void pause(String ownerId, String id, String reason) {
        providers.findOwned(id, ownerId).ifPresent(p -> p.pause(reason));
    }

    private Provider require(CurrentUser user, String id) {
        return providers.findOwned(id, user.id())
                .orElseThrow(() -> ApiException.notFound(MessageCode.THING_PROVIDER, id));
    }

    static ProviderView view(Provider p) {
        return new ProviderView(p.getId(), p.getKind(), p.getBaseUrl(), p.getModel(), p.getDisplayName(),
                p.getMaxConcurrent(), p.getRpm(), p.isEnabled(), p.getKeyHint(), p.getPausedReason());
    }

    /** Normalised, and refused when it points where providers may not (the same check runs again at each call). */
    private String baseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String clean;
        try {
            clean = BaseUrl.normalise(url);
        } catch (BaseUrl.Invalid e) {
            throw ApiException.badRequest("validation_failed", Message.of(MessageCode.ERR_BASE_URL, e.text()));
        }
        URI u = URI.create(clean);
        try {
            addresses.pick(u.getHost(), BaseUrl.port(u));
        } catch (ProviderAddresses.Refused | UnknownHostException e) {
            // An unknown name reads like a refused one, so names inside the network cannot be told from typos.
            throw ApiException.badRequest("validation_failed", Message.of(MessageCode.ERR_BASE_URL,
                    new ProviderAddresses.Refused(u.getHost()).text()));
        }
        return clean;
    }

    private static String displayName(String name, ProviderKind kind, String model) {
        return name == null || name.isBlank() ? kind.name().toLowerCase(Locale.ROOT) + " · " + model
                : name.strip();
    }
}
