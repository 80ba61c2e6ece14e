package ai.smartai.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import ai.smartai.backend.cli.BackupCommand;
import ai.smartai.backend.cli.GradeCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The launcher's entry point: the web app by default, {@code grade …} on the command line (no HTTP listener, a
 * throwaway database, no account), or {@code backup}/{@code restore} of the data directory (no Quarkus at all).
 */
@QuarkusMain
public class Main {

    public static void main(String... args) throws IOException {
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            // No server: the data directory is read (or written) as it lies, never migrated first.
            BackupCommand command = new BackupCommand(System.getenv(), cwd(), System.out, System.err);
            List<String> rest = List.of(Arrays.copyOfRange(args, 1, args.length));
            System.exit(args[0].equals("backup") ? command.backup(rest) : command.restore(rest));
        }
        if (args.length > 0 && args[0].equals("grade")) {
            // A mistyped command or a missing file is answered at once, without starting a server.
            if (GradeCommand.read(List.of(Arrays.copyOfRange(args, 1, args.length)), cwd(), System.err) == null) {
                System.exit(GradeCommand.USAGE);
            }
            Path data = Files.createTempDirectory("smartai-cli-");
            System.setProperty("smartai.data-dir", data.toString());
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.console.level", "ERROR");
            System.setProperty("quarkus.banner.enabled", "false");
        }
        Quarkus.run(App.class, args);
    }

    /** The caller's directory: ./smartai runs the jar from the app's directory and says where it was called. */
    static Path cwd() {
        String cwd = System.getenv("SMARTAI_CWD");
        return Path.of(cwd == null || cwd.isBlank() ? "" : cwd).toAbsolutePath();
    }

    public static class App implements QuarkusApplication {

        @Inject
        GradeCommand grade;

        @Override
        public int run(String... args) {
            if (args.length > 0 && args[0].equals("grade")) {
                return grade.run(List.of(Arrays.copyOfRange(args, 1, args.length)), cwd(), System.out, System.err);
            }
            Quarkus.waitForExit();
            return 0;
        }
    }
}
