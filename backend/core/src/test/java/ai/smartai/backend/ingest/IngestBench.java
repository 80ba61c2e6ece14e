package ai.smartai.backend.ingest;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import ai.smartai.backend.testing.Api;
import ai.smartai.backend.testing.Uploads;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Ingest of a generated class of 1,000 students × 10 problems, about 3 KB per answer, through the real HTTP API and
 * database. Prints wall time and peak heap; run with {@code ./mvnw verify -Pbench -pl backend/core}.
 */
@QuarkusTest
class IngestBench {

    static final int STUDENTS = Integer.getInteger("bench.students", 1000);
    static final int PROBLEMS = 10;

    @Test
    void ingestOfAThousandStudents() throws Exception {
        String token = Api.newTeacherToken();
        String task = Uploads.newTask(token, "bench");
        StringBuilder problems = new StringBuilder("# Bench\n");
        for (int p = 1; p <= PROBLEMS; p++) {
            problems.append("\n## ").append(p).append(". (10分) 计算第 ").append(p).append(" 题：$x^2 + ").append(p)
                    .append(" = 0$\n");
        }
        Uploads.awaitJob(token, Uploads.upload(token, task, "problems", "bench.md",
                problems.toString().getBytes(StandardCharsets.UTF_8)).then().statusCode(202).extract().path("jobId"));

        Random random = new Random(42);
        ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
        long textBytes = 0;
        try (ZipOutputStream zip = new ZipOutputStream(zipBytes)) {
            for (int s = 0; s < STUDENTS; s++) {
                StringBuilder sheet = new StringBuilder("# PB2024").append(String.format("%04d", s)).append(" 学生")
                        .append((char) ('甲' + s % 10)).append("\n");
                for (int p = 1; p <= PROBLEMS; p++) {
                    sheet.append("\n## ").append(p).append(".\n");
                    while (sheet.length() < p * 3000) {
                        sheet.append("由 $x_").append(random.nextInt(100)).append(" = ").append(random.nextInt(1000))
                                .append("$ 可得结果，step ").append(random.nextInt(1 << 20)).append(".\n");
                    }
                }
                byte[] data = sheet.toString().getBytes(StandardCharsets.UTF_8);
                textBytes += data.length;
                zip.putNextEntry(new ZipEntry("PB2024" + String.format("%04d", s) + "_学生_hw.md"));
                zip.write(data);
            }
        }
        byte[] archive = zipBytes.toByteArray();

        archiveHolder = null;
        System.gc();
        long baseline = usedHeap();
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long t0 = System.nanoTime();
        String jobId = Uploads.upload(token, task, "submissions", "class.zip", archive).then().statusCode(202)
                .extract().path("jobId");
        var job = Uploads.awaitJob(token, jobId);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        sampler.done = true;
        sampler.join();
        if (!"succeeded".equals(job.get("status"))) {
            throw new AssertionError("ingest failed: " + job);
        }
        Api.as(token).get("/api/tasks/" + task).then().statusCode(200);
        System.out.printf("%nBENCH ingest %d students × %d problems: archive %.1f MB, text %.1f MB%n", STUDENTS,
                PROBLEMS,
                archive.length / 1e6, textBytes / 1e6);
        System.out.printf("BENCH ingest wall time (upload to job succeeded): %d ms%n", millis);
        System.out.printf("BENCH ingest peak heap above baseline (sampled every 5 ms, garbage included): %d MB%n",
                (sampler.peak - baseline) / (1 << 20));
        System.out.printf("BENCH ingest peak live heap (after collections): %d MB over a live baseline of %d MB "
                + "(extracted text %.0f MB; JVM max heap %d MB)%n%n", (sampler.peakLive - baseline) / (1 << 20),
                baseline / (1 << 20), textBytes / 1e6, Runtime.getRuntime().maxMemory() / (1 << 20));
    }

    static Object archiveHolder;

    static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    static final class HeapSampler extends Thread {
        volatile boolean done;
        volatile long peak;
        volatile long peakLive;

        @Override
        public void run() {
            while (!done) {
                peak = Math.max(peak, usedHeap());
                long live = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                        live += pool.getCollectionUsage().getUsed();
                    }
                }
                peakLive = Math.max(peakLive, live);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
