package io.twinsync.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a script of the repository's scripts/ folder under bash: its exit code, stdout and stderr. */
record ScriptRun(int exitCode, String stdout, String stderr) {

    /** The repository's root, from the module folder the tests run in. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Runs {@code scripts/<script> args} with the environment changed by {@code env} (a null value removes one). */
    static ScriptRun run(String script, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of("bash", ROOT.resolve("scripts").resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Path out = Files.createTempFile("script-out", ".txt");
        Path err = Files.createTempFile("script-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(script + " did not finish in 2 minutes; stderr: " + Files.readString(err));
            }
            return new ScriptRun(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
