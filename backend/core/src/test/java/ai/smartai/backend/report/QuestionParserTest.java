package ai.smartai.backend.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ai.smartai.backend.report.QuestionParser.Intent;

/** Common questions in Chinese and English map to the right operation and arguments, with no model. */
class QuestionParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "哪道题错得最多？错在哪里？                     | common_wrong_answers | -  | -",
            "Which problem did most students get wrong, and how? | common_wrong_answers | - | -",
            "第3题常见的错误答案是什么                      | common_wrong_answers | 3  | -",
            "What are the common mistakes in problem 5?    | common_wrong_answers | 5  | -",
            "第十二题大家错在哪                             | common_wrong_answers | 12 | -",
            "哪些学生低于60分？                             | students_below       | -  | 60",
            "Who scored below 50?                          | students_below       | -  | 50",
            "List the students under 40% please            | students_below       | -  | 40%",
            "哪些同学不及格                                 | students_below       | -  | -",
            "Which students failed?                        | students_below       | -  | -",
            "超过80分的学生有哪些                           | students_above       | -  | 80",
            "Who got at least 90 points?                   | students_above       | -  | 90",
            "第2题的平均分和通过率                          | problem_stats        | 2  | -",
            "What is the mean of question 4?               | problem_stats        | 4  | -",
            "Which problem was the hardest?                | problem_stats        | -  | -",
            "各题的得分率怎么样                             | problem_stats        | -  | -",
            "全班成绩分布如何                               | distribution         | -  | -",
            "Show me the distribution of totals            | distribution         | -  | -",
            "还有多少份待复核？                             | review_backlog       | -  | -",
            "How many grades are awaiting review?          | review_backlog       | -  | -",
            "How did the class do overall?                 | distribution         | -  | -",
    })
    void mapsCommonPhrasingsToTheirOperation(String question, String operation, String problem, String score) {
        Intent intent = QuestionParser.parse(question.strip()).orElseThrow();
        assertThat(intent.operation().wire).isEqualTo(operation);
        assertThat(intent.arguments().get("problem")).isEqualTo(problem);
        assertThat(intent.arguments().get("score")).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "哪些学生进步了？                               | improved | -",
            "和上次作业相比，哪些同学退步了                  | declined | -",
            "比《作业二》进步的学生有哪些                    | improved | 作业二",
            "与作业一相比成绩下降的学生                      | declined | 作业一",
            "哪些同学的成绩比上一次提高了                    | improved | -",
            "跟“期中测验”比较，谁进步谁退步？                | -        | 期中测验",
            "这次成绩下滑的同学                              | declined | -",
            "和《HW1》对比，学生成绩有什么变化               | -        | HW1",
            "谁的得分率提升最多                              | improved | -",
            "哪些学生比上次变差了                            | declined | -",
            "Which students improved?                      | improved | -",
            "Who declined compared with the last task?     | declined | -",
            "Who did better than in HW1?                   | improved | HW1",
            "Which students did worse than Homework 2?     | declined | Homework 2",
            "Show students who improved or declined since \"Midterm\" | - | Midterm",
            "Who made progress since the previous assignment? | improved | -",
            "List the students whose scores dropped        | declined | -",
            "How did scores change compared to Quiz 3?     | -        | Quiz 3",
            "Which students fell behind since last time?   | declined | -",
            "Who improved the most between HW2 and this one? | improved | -",
    })
    void mapsImprovedOrDeclinedQuestionsToTheChangeBetweenTasks(String question, String direction, String task) {
        Intent intent = QuestionParser.parse(question.strip()).orElseThrow();
        assertThat(intent.operation().wire).isEqualTo("students_change");
        assertThat(intent.arguments().get("direction")).isEqualTo(direction);
        assertThat(intent.arguments().get("task")).isEqualTo(task);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "今天天气怎么样", "Write me a poem about grading", "hello" })
    void saysItCannotAnswerWhatNoOperationCovers(String question) {
        Optional<Intent> intent = QuestionParser.parse(question);
        assertThat(intent).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "一,1", "九,9", "十,10", "十二,12", "二十,20", "三十五,35" })
    void readsChineseProblemNumbers(String chinese, int value) {
        assertThat(QuestionParser.chineseNumber(chinese)).isEqualTo(value);
    }
}
