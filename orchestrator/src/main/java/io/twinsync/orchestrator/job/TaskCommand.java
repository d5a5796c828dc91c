package io.twinsync.orchestrator.job;

import io.twinsync.writer.TwinWriteException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How to start the packaged twin-writer-task: from its zip, unpacked once per content (as a Batch node unpacks an
 * application package) and run by its own launcher and Java runtime, {@code twin-writer-task/bin/twin-writer-task};
 * or, without a zip, from twinsync's own jar (Spring Boot's {@code PropertiesLauncher} with the task's main class) or
 * classpath. The command is followed by {@code --adf <working folder>}.
 */
final class TaskCommand {

    static final String TASK_MAIN = "io.twinsync.writer.task.TwinWriterTaskMain";

    private static final Logger log = LoggerFactory.getLogger(TaskCommand.class);

    private final List<String> prefix;
    private final String description;

    private TaskCommand(List<String> prefix, String description) {
        this.prefix = List.copyOf(prefix);
        this.description = description;
    }

    /**
     * @param zip the task zip, or null to run the task from this process's jar or classpath
     * @param apps where zips are unpacked, one folder per content hash
     */
    static TaskCommand of(Path zip, Path apps) {
        if (zip != null) {
            return unpacked(zip, apps);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Absolute: the task runs in its own working folder.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        if (isBootJar(classpath)) {
            return new TaskCommand(
                    List.of(
                            java,
                            "-Dloader.main=" + TASK_MAIN,
                            "-cp",
                            classpath,
                            "org.springframework.boot.loader.launch.PropertiesLauncher"),
                    "twinsync's jar (" + classpath + ")");
        }
        return new TaskCommand(List.of(java, "-cp", classpath, TASK_MAIN), "twinsync's classpath");
    }

    /** The command for a task whose working folder is {@code dir}. */
    List<String> forActivity(Path dir) {
        List<String> command = new ArrayList<>(prefix);
        command.add("--adf");
        command.add(dir.toString());
        return command;
    }

    String description() {
        return description;
    }

    private static TaskCommand unpacked(Path zip, Path apps) {
        String hash = sha256(zip).substring(0, 16);
        Path app = apps.resolve(hash);
        Path launcher = app.resolve("twin-writer-task").resolve("bin").resolve("twin-writer-task");
        if (!Files.isExecutable(launcher)) {
            unzip(zip, app);
            if (!Files.isExecutable(launcher)) {
                throw new TwinWriteException("The task zip " + zip + " has no twin-writer-task/bin/twin-writer-task;"
                        + " build it with scripts/build-task-zip.sh, or remove twinsync.writer.task-zip to run the"
                        + " task from twinsync's own jar");
            }
        }
        return new TaskCommand(List.of(launcher.toString()), "the task zip " + zip + " (unpacked in " + app + ")");
    }

    /** Unpacks with unzip, as the Custom Activity's command does on a node: it keeps the launchers executable. */
    private static void unzip(Path zip, Path app) {
        try {
            Path partial = Files.createDirectories(app.getParent())
                    .resolve(app.getFileName() + ".partial-"
                            + ProcessHandle.current().pid());
            Files.createDirectories(partial);
            Process unzip = new ProcessBuilder(
                            "unzip", "-qo", zip.toAbsolutePath().toString())
                    .directory(partial.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(unzip.getInputStream().readAllBytes());
            if (unzip.waitFor() != 0) {
                throw new TwinWriteException("Cannot unpack the task zip " + zip + ": " + output.strip());
            }
            try {
                Files.move(partial, app);
            } catch (IOException raced) { // another process unpacked the same zip meanwhile: use theirs
                log.debug("Task zip already unpacked in {}: {}", app, raced.toString());
            }
            log.info("Unpacked the task zip {} in {}", zip, app);
        } catch (IOException e) {
            throw new TwinWriteException(
                    "Cannot unpack the task zip " + zip + " (" + e.getMessage() + "); the"
                            + " processes back-end needs the unzip command, as a Batch node's does",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwinWriteException("Interrupted while unpacking the task zip " + zip, e);
        }
    }

    private static boolean isBootJar(String classpath) {
        if (classpath == null || classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classpath)) {
            return jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new TwinWriteException("Cannot read the task zip " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
