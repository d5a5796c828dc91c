package io.twinsync.orchestrator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * twinsync started in this JVM as {@code java -jar twinsync.jar} starts it ({@link TwinsyncApplication#run}), but with
 * the environment variables, system properties and settings file a test gives: its exit code and everything it
 * printed, log lines included. Much faster than a process, so a table of cases can run in the unit tests.
 */
record StartedTwinsync(int code, String output) {

    /** Starts with these variables (and no others) and system properties, then runs {@code args}. */
    static StartedTwinsync run(Map<String, String> variables, Map<String, String> properties, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        Map<String, Object> system = new HashMap<>();
        System.getProperties().forEach((key, value) -> system.put(key.toString(), value));
        system.putAll(properties);
        sources.replace(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, system));
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(variables)));
        SpringApplication application = new SpringApplication(TwinsyncApplication.class);
        application.setEnvironment(environment);
        return captured(() -> TwinsyncApplication.run(application, args));
    }

    /** As {@link #run}, with {@code settingsFile} read as {@code ./twinsync.yaml} is. */
    static StartedTwinsync withSettingsFile(
            Path settingsFile, Map<String, String> variables, Map<String, String> properties, String... args) {
        Map<String, String> withFile = new LinkedHashMap<>(properties);
        withFile.put("spring.config.import", "optional:file:" + settingsFile.toAbsolutePath());
        return run(variables, withFile, args);
    }

    /** Everything written to standard output and error while {@code start} runs; the two are one stream here. */
    private static synchronized StartedTwinsync captured(java.util.function.IntSupplier start) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        int code;
        try {
            code = start.getAsInt();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new StartedTwinsync(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
