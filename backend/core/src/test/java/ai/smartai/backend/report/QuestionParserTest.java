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
    })
    void mapsCommonPhrasingsToTheirOperation(String question, String operation, String problem, String score) {
        Intent intent = QuestionParser.parse(question.strip()).orElseThrow();
        assertThat(intent.operation().wire).isEqualTo(operation);
        assertThat(intent.arguments().get("problem")).isEqualTo(problem);
        assertThat(intent.arguments().get("score")).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"今天天气怎么样", "Write me a poem about grading", "hello"})
    void saysItCannotAnswerWhatNoOperationCovers(String question) {
        Optional<Intent> intent = QuestionParser.parse(question);
        assertThat(intent).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"一,1", "九,9", "十,10", "十二,12", "二十,20", "三十五,35"})
    void readsChineseProblemNumbers(String chinese, int value) {
        assertThat(QuestionParser.chineseNumber(chinese)).isEqualTo(value);
    }
}
