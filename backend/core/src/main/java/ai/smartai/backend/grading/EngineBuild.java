package ai.smartai.backend.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import ai.smartai.backend.db.Hashes;

/**
 * A fingerprint of the engine's code, part of every grade's input hash beside {@link GradingEngine#VERSION}: a grade
 * cached by other code is never served, even when a change to a grader forgot to raise the version (the benchmark
 * once measured a reader change on cached grades and saw none of it).
 */
public final class EngineBuild {

    private static final String FINGERPRINT = compute();

    private EngineBuild() {
    }

    public static String fingerprint() {
        return FINGERPRINT;
    }

    /** The hash of the jar holding the engine, or of its class files when it runs from a build directory. */
    private static String compute() {
        try {
            var source = GradingEngine.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return GradingEngine.VERSION;
            }
            Path location = Path.of(source.getLocation().toURI());
            MessageDigest digest = Hashes.digest();
            List<Path> files;
            if (Files.isDirectory(location)) {
                try (Stream<Path> walk = Files.walk(location)) {
                    files = walk.filter(p -> p.toString().endsWith(".class") || p.toString().endsWith(".properties"))
                            .sorted().toList();
                }
            } else {
                files = List.of(location);
            }
            for (Path f : files) {
                digest.update(location.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | IllegalArgumentException | UnsupportedOperationException e) {
            // Not a file on disk (a nested or virtual location): the declared version is all there is.
            return GradingEngine.VERSION;
        }
    }
}
