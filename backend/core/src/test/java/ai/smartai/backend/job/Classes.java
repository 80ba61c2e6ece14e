package ai.smartai.backend.job;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Generated classes made of the demo homework's answer sheets under new student ids. */
public final class Classes {

    private Classes() {
    }

    public static byte[] archive(Path demo, int students, String idPrefix) throws Exception {
        return archive(demo, students, idPrefix, null);
    }

    /** With a salt, every answer gets a unique trailing comment, so no grade can come from the cache. */
    public static byte[] archive(Path demo, int students, String idPrefix, String salt) throws Exception {
        List<Path> sheets;
        try (var files = Files.list(demo.resolve("students"))) {
            sheets = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < students; i++) {
                String id = idPrefix + String.format("%04d", i);
                String text = Files.readString(sheets.get(i % sheets.size())).replaceFirst("(?m)^# .*$", "# " + id
                        + " 学生");
                if (salt != null) {
                    text = text.replace("\n## ", "\n\n<!-- " + salt + " " + i + " -->\n## ") + "\n\n<!-- " + salt + " "
                            + i
                            + " -->\n";
                }
                zip.putNextEntry(new ZipEntry(id + "_学生_hw.md"));
                zip.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
