package ai.smartai.backend.task;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ai.smartai.backend.db.Db;

@ApplicationScoped
public class TaskRepository {

    @Inject
    Db db;

    public void persist(Task task) {
        db.em().persist(task);
    }

    /** A task only exists for its owner: anyone else gets empty, which the API answers with 404. */
    public Optional<Task> findOwned(String id, String ownerId) {
        Task task = db.em().find(Task.class, id);
        return task != null && task.getOwnerId().equals(ownerId) ? Optional.of(task) : Optional.empty();
    }

    public Optional<Task> findById(String id) {
        return Optional.ofNullable(db.em().find(Task.class, id));
    }

    public List<Task> listOwned(String ownerId) {
        return db.em().createQuery("from Task where ownerId = :o order by createdAt desc, id", Task.class)
                .setParameter("o", ownerId)
                .getResultList();
    }

    /** One UPDATE, so panels of parallel units never lose each other's count. */
    public void addTokens(String taskId, long tokens) {
        db.em().createQuery("update Task set llmTokens = llmTokens + :n where id = :id").setParameter("n", tokens)
                .setParameter("id", taskId).executeUpdate();
    }

    public void delete(Task task) {
        db.em().remove(task);
    }
}
