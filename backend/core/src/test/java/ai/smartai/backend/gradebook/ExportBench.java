package ai.smartai.backend.gradebook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.smartai.model.grade.Gradebook;

/**
 * The XLSX export of a 2,000-student, 12-problem gradebook, timed after a warm-up. Run with
 * {@code ./mvnw verify -Pbench -pl backend/core -am -Dtest=ExportBench}.
 */
class ExportBench {

    @Test
    void xlsxForTwoThousandStudents() {
        Gradebook book = book(2000, 12);
        Set<String> overridden = new HashSet<>(List.of("20230007/p3", "20231500/p1"));
        GradebookExports.xlsx("bench", book(50, 12), Set.of());
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            byte[] xlsx = GradebookExports.xlsx("作业 bench", book, overridden);
            System.out.printf("ExportBench: xlsx 2000 students × 12 problems → %d ms, %d KB%n",
                    (System.nanoTime() - start) / 1_000_000, xlsx.length / 1024);
        }
    }

    static Gradebook book(int students, int problems) {
        List<Gradebook.Column> columns = new ArrayList<>();
        for (int p = 1; p <= problems; p++) {
            columns.add(new Gradebook.Column("p" + p, Integer.toString(p), 10));
        }
        List<Gradebook.Row> rows = new ArrayList<>();
        for (int s = 0; s < students; s++) {
            Map<String, Double> scores = new LinkedHashMap<>();
            double total = 0;
            for (int p = 1; p <= problems; p++) {
                double score = (s * 7 + p * 3) % 11;
                scores.put("p" + p, Math.min(10, score));
                total += Math.min(10, score);
            }
            rows.add(new Gradebook.Row(String.format("2023%04d", s), "学生" + s, scores, total, 0, 0, total >= 72));
        }
        return new Gradebook(0.6, problems * 10, columns, rows);
    }
}
