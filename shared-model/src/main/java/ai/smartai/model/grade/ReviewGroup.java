package ai.smartai.model.grade;

import java.util.List;

import ai.smartai.model.common.Message;

/**
 * Answers to one problem that can be decided together: the same final answer, or the same text once spacing and case
 * are set aside. {@code key} says why they are together ("final answer 2, 5", "similar text", "no answer");
 * {@code suggestedScore} is the machine score most of them got, null when none has one. {@code keyCode} and
 * {@code reviewReasonCodes} are {@code key} and {@code reviewReasons} as catalogue messages.
 */
public record ReviewGroup(
        String groupId,
        String key,
        int size,
        List<String> studentIds,
        Double suggestedScore,
        List<String> reviewReasons,
        Message keyCode,
        List<Message> reviewReasonCodes) {
}
