package ai.smartai.backend.grading;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.smartai.backend.db.Json;
import ai.smartai.model.common.Message;
import ai.smartai.model.grade.Evidence;
import ai.smartai.model.grade.ExpertVote;
import ai.smartai.model.grade.GradeMethod;

/**
 * One student's grade on one problem: the machine's, and the teacher's override beside it (never over it). The
 * revisions it was computed from tell when an edit made it stale.
 */
@Entity
@Table(name = "grade")
public class Grade {

    @Id
    private String uid;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(name = "student_uid", nullable = false)
    private String studentUid;
    @Column(name = "problem_id", nullable = false)
    private String problemId;
    private Double score;
    @Column(name = "max_score", nullable = false)
    private double maxScore;
    @Column(nullable = false)
    private double confidence;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GradeMethod method;
    @Convert(converter = Json.Messages.class)
    @Column(name = "review_reasons", nullable = false)
    private List<Message> reviewReasons;
    private String comment;
    @Convert(converter = Json.EvidenceList.class)
    @Column(nullable = false)
    private List<Evidence> evidence;
    @Convert(converter = Json.ExpertVotes.class)
    @Column(nullable = false)
    private List<ExpertVote> experts;
    @Column(name = "problem_revision", nullable = false)
    private int problemRevision;
    @Column(name = "answer_revision", nullable = false)
    private int answerRevision;
    @Column(name = "input_hash", nullable = false)
    private String inputHash;
    @Column(name = "graded_at", nullable = false)
    private Instant gradedAt;
    @Column(name = "override_score")
    private Double overrideScore;
    @Column(name = "override_comment")
    private String overrideComment;
    @Column(name = "override_by")
    private String overrideBy;
    @Column(name = "override_at")
    private Instant overrideAt;
    /** The rubric items (numbers from 1) the teacher's score adds up, when it was given as items; else empty. */
    @Convert(converter = Json.Strings.class)
    @Column(name = "override_rubric")
    private List<String> overrideRubric = List.of();
    /** Copies of {@link #effectiveScore()} and {@link #needsReview()} for queries over many grades; never set apart. */
    @Column(name = "effective_score")
    private Double effectiveScore;
    @Column(name = "awaiting_review", nullable = false)
    private boolean awaitingReview;

    protected Grade() {
    }

    public Grade(String uid, String taskId, String studentUid, String problemId) {
        this.uid = uid;
        this.taskId = taskId;
        this.studentUid = studentUid;
        this.problemId = problemId;
        this.reviewReasons = List.of();
        this.evidence = List.of();
        this.experts = List.of();
    }

    public void record(GradeResult r, int problemRevision, int answerRevision, String inputHash, Instant now) {
        this.score = r.score();
        this.maxScore = r.maxScore();
        this.confidence = r.confidence();
        this.method = r.method();
        this.reviewReasons = r.reviewReasons();
        this.comment = r.comment();
        this.evidence = r.evidence();
        this.problemRevision = problemRevision;
        this.answerRevision = answerRevision;
        this.inputHash = inputHash;
        this.gradedAt = now;
        derive();
    }

    public void setExperts(List<ExpertVote> experts) {
        this.experts = experts == null ? List.of() : List.copyOf(experts);
    }

    public void override(Double score, String comment, String by, Instant at) {
        override(score, comment, by, at, List.of());
    }

    /** The teacher's score, given as the rubric items it adds up (numbers from 1) when {@code rubricItems} is set. */
    public void override(Double score, String comment, String by, Instant at, List<String> rubricItems) {
        this.overrideScore = score;
        this.overrideComment = comment;
        this.overrideBy = by;
        this.overrideAt = at;
        this.overrideRubric = rubricItems == null ? List.of() : List.copyOf(rubricItems);
        derive();
    }

    public List<String> getOverrideRubric() {
        return overrideRubric == null ? List.of() : overrideRubric;
    }

    public void addReviewReason(Message reason) {
        if (!reviewReasons.contains(reason)) {
            reviewReasons = Stream.concat(reviewReasons.stream(), Stream.of(reason)).toList();
        }
        derive();
    }

    private void derive() {
        effectiveScore = effectiveScore();
        awaitingReview = needsReview();
    }

    public boolean isStale(int currentProblemRevision, int currentAnswerRevision) {
        return problemRevision != currentProblemRevision || answerRevision != currentAnswerRevision;
    }

    /** The score that counts: the teacher's when there is one. */
    public Double effectiveScore() {
        return overrideAt != null && overrideScore != null ? overrideScore : score;
    }

    public boolean needsReview() {
        return !reviewReasons.isEmpty() && overrideAt == null;
    }

    public String getUid() {
        return uid;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getStudentUid() {
        return studentUid;
    }

    public String getProblemId() {
        return problemId;
    }

    public Double getScore() {
        return score;
    }

    public double getMaxScore() {
        return maxScore;
    }

    public double getConfidence() {
        return confidence;
    }

    public GradeMethod getMethod() {
        return method;
    }

    public List<Message> getReviewReasons() {
        return reviewReasons;
    }

    public String getComment() {
        return comment;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }

    public List<ExpertVote> getExperts() {
        return experts;
    }

    public Instant getGradedAt() {
        return gradedAt;
    }

    public String getInputHash() {
        return inputHash;
    }

    public Double getOverrideScore() {
        return overrideScore;
    }

    public String getOverrideComment() {
        return overrideComment;
    }

    public String getOverrideBy() {
        return overrideBy;
    }

    public Instant getOverrideAt() {
        return overrideAt;
    }
}
