package ai.smartai.backend.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class AccountRepository {

    @Inject
    Db db;

    public Optional<Account> findById(String id) {
        return Optional.ofNullable(db.em().find(Account.class, id));
    }

    public Optional<Account> findByUsername(String username) {
        return db.em().createQuery("from Account where lower(username) = lower(:u)", Account.class)
                .setParameter("u", username)
                .getResultStream().findFirst();
    }

    public java.util.List<Account> list() {
        return db.em().createQuery("from Account order by createdAt, username", Account.class).getResultList();
    }

    public long count() {
        return db.em().createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    public void persist(Account account) {
        db.em().persist(account);
    }
}
