package ai.smartai.backend.problem;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import ai.smartai.backend.db.Json;
import ai.smartai.model.problem.KeyPolicy;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.problem.RubricItem;
import ai.smartai.model.problem.TestCase;

/** One problem of a task. {@code revision} grows with every change, so grades can tell they are stale. */
@Entity
@Table(name = "problem")
public class Problem {

    /** Where the maximum score came from: the stem's own text, the key's rubric, or the default of 10. */
    public enum MaxScoreSource {
        TEXT,
        RUBRIC,
        DEFAULT,
        TEACHER
    }

    @Id
    private String uid;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(name = "problem_id", nullable = false)
    private String problemId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String number;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProblemType type;
    @Column(name = "type_reason")
    private String typeReason;
    @Column(nullable = false)
    private String stem;
    @Convert(converter = Json.Rubric.class)
    @Column(nullable = false)
    private List<RubricItem> rubric;
    @Column(name = "max_score", nullable = false)
    private double maxScore;
    @Enumerated(EnumType.STRING)
    @Column(name = "max_score_source", nullable = false)
    private MaxScoreSource maxScoreSource;
    @Column(name = "reference_answer")
    private String referenceAnswer;
    @Convert(converter = Json.Strings.class)
    @Column(nullable = false)
    private List<String> choices;
    @Convert(converter = Json.Strings.class)
    @Column(name = "correct_choices", nullable = false)
    private List<String> correctChoices;
    @Convert(converter = Json.TestCases.class)
    @Column(name = "test_cases", nullable = false)
    private List<TestCase> testCases;
    /** Rules the key states beside its answers (tolerances, forbidden calls, steps), for the graders. */
    @Convert(converter = Json.Policies.class)
    @Column(nullable = false)
    private List<KeyPolicy> policies;
    @Column(nullable = false)
    private String language;
    @Column(nullable = false)
    private int revision;

    protected Problem() {
    }

    public Problem(String uid, String taskId, String problemId, int position, String number) {
        this.uid = uid;
        this.taskId = taskId;
        this.problemId = problemId;
        this.position = position;
        this.number = number;
        this.rubric = List.of();
        this.choices = List.of();
        this.correctChoices = List.of();
        this.testCases = List.of();
        this.policies = List.of();
        this.maxScoreSource = MaxScoreSource.DEFAULT;
        this.language = "en";
    }

    /** Call after any change a grader would see. */
    public void touch() {
        revision++;
    }

    public String getUid() {
        return uid;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getProblemId() {
        return problemId;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public String getNumber() {
        return number;
    }

    public ProblemType getType() {
        return type;
    }

    public void setType(ProblemType type) {
        this.type = type;
    }

    public String getTypeReason() {
        return typeReason;
    }

    public void setTypeReason(String typeReason) {
        this.typeReason = typeReason;
    }

    public String getStem() {
        return stem;
    }

    public void setStem(String stem) {
        this.stem = stem;
    }

    public List<RubricItem> getRubric() {
        return rubric;
    }

    public void setRubric(List<RubricItem> rubric) {
        this.rubric = List.copyOf(rubric);
    }

    public double getMaxScore() {
        return maxScore;
    }

    public void setMaxScore(double maxScore, MaxScoreSource source) {
        this.maxScore = maxScore;
        this.maxScoreSource = source;
    }

    public MaxScoreSource getMaxScoreSource() {
        return maxScoreSource;
    }

    public String getReferenceAnswer() {
        return referenceAnswer;
    }

    public void setReferenceAnswer(String referenceAnswer) {
        this.referenceAnswer = referenceAnswer;
    }

    public List<String> getChoices() {
        return choices;
    }

    public void setChoices(List<String> choices) {
        this.choices = List.copyOf(choices);
    }

    public List<String> getCorrectChoices() {
        return correctChoices;
    }

    public void setCorrectChoices(List<String> correctChoices) {
        this.correctChoices = List.copyOf(correctChoices);
    }

    public List<TestCase> getTestCases() {
        return testCases;
    }

    public void setTestCases(List<TestCase> testCases) {
        this.testCases = List.copyOf(testCases);
    }

    public List<KeyPolicy> getPolicies() {
        return policies;
    }

    public void setPolicies(List<KeyPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public int getRevision() {
        return revision;
    }
}
