package ai.smartai.backend.account;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

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

    public List<Account> list() {
        return db.em().createQuery("from Account order by createdAt, username", Account.class).getResultList();
    }

    public long count() {
        return db.em().createQuery("select count(a) from Account a", Long.class).getSingleResult();
    }

    public void persist(Account account) {
        db.em().persist(account);
    }

    /**
     * Records the account as the first administrator: the single-row table's primary key lets exactly one
     * registration ever do this. False when another did.
     */
    public boolean claimFirstAdmin(String accountId) {
        db.em().flush();
        try {
            return db.em().createNativeQuery("INSERT INTO first_admin (id, account_id) SELECT 1, ?1 WHERE NOT EXISTS "
                    + "(SELECT 1 FROM first_admin)").setParameter(1, accountId).executeUpdate() == 1;
        } catch (PersistenceException e) {
            return false;
        }
    }
}
