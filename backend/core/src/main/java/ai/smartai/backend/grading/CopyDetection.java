package ai.smartai.backend.grading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ai.smartai.backend.problem.Problem;
import ai.smartai.backend.problem.ProblemRepository;
import ai.smartai.backend.student.Answer;
import ai.smartai.backend.student.StudentRepository;
import ai.smartai.model.common.Message;
import ai.smartai.model.common.MessageCode;
import ai.smartai.model.problem.ProblemType;

/**
 * After a run: near-identical programs and proofs across students are flagged for review with the other students'
 * ids ({@link CopyDetector} decides what is near-identical). A flag never changes a score.
 */
@ApplicationScoped
public class CopyDetection {

    @Inject
    ProblemRepository problems;

    @Inject
    StudentRepository students;

    @Inject
    GradeRepository grades;

    @Transactional
    public List<Message> detectCopies(String taskId) {
        List<Message> warnings = new ArrayList<>();
        Map<String, String> idOf = new HashMap<>();
        students.list(taskId).forEach(s -> idOf.put(s.getUid(), s.getStudentId()));
        Map<String, List<Answer>> byProblem = students.answers(taskId).stream()
                .collect(Collectors.groupingBy(Answer::getProblemId));
        for (Problem p : problems.list(taskId)) {
            if (p.getType() != ProblemType.PROGRAMMING && p.getType() != ProblemType.PROOF) {
                continue;
            }
            List<Answer> answers = byProblem.getOrDefault(p.getProblemId(), List.of());
            Map<String, List<String>> partners = new LinkedHashMap<>();
            for (CopyDetector.Pair pair : CopyDetector.pairs(answers.stream().map(Answer::getText).toList(),
                    p.getReferenceAnswer())) {
                String a = answers.get(pair.a()).getStudentUid();
                String b = answers.get(pair.b()).getStudentUid();
                partners.computeIfAbsent(a, k -> new ArrayList<>()).add(idOf.get(b));
                partners.computeIfAbsent(b, k -> new ArrayList<>()).add(idOf.get(a));
                warnings.add(Message.of(MessageCode.JOB_COPIES, p.getProblemId(), idOf.get(a), idOf.get(b),
                        Math.round(pair.similarity() * 100)));
            }
            partners.forEach((uid, others) -> grades.find(uid, p.getProblemId()).ifPresent(g -> g.addReviewReason(
                    copying(others))));
        }
        return warnings;
    }

    private static Message copying(List<String> others) {
        String first = String.join(", ", others.subList(0, Math.min(3, others.size())));
        return others.size() == 1 ? Message.of(MessageCode.REVIEW_COPYING_ONE, first)
                : others.size() <= 3 ? Message.of(MessageCode.REVIEW_COPYING_MANY, first)
                        : Message.of(MessageCode.REVIEW_COPYING_MORE, first, others.size() - 3);
    }
}
