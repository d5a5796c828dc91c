package io.twinsync.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class UnknownSettingsCheckTests {

    private final UnknownSettingsCheck check = new UnknownSettingsCheck();

    @Test
    void aMistypedSystemPropertyIsRefusedNamingItAndTheNearestSetting() {
        assertThatThrownBy(() -> check.check(List.of(properties(Map.of("twinsync.writer.concurency", "8")))))
                .isInstanceOf(UnknownSettingsException.class)
                .hasMessageContaining("Unknown setting twinsync.writer.concurency")
                .hasMessageContaining("system property -Dtwinsync.writer.concurency")
                .hasMessageContaining("did you mean twinsync.writer.concurrency?");
    }

    @Test
    void aMistypedVariableIsRefusedAsWrittenWithTheNearestVariableAndSetting() {
        assertThatThrownBy(() -> check.check(List.of(variables(Map.of("TWINSYNC_WRITER_CONCURENCY", "8")))))
                .isInstanceOf(UnknownSettingsException.class)
                .hasMessageContaining("Unknown environment variable TWINSYNC_WRITER_CONCURENCY")
                .hasMessageContaining("did you mean TWINSYNC_WRITER_CONCURRENCY (twinsync.writer.concurrency)?");
        assertThatThrownBy(() -> check.check(List.of(variables(Map.of("TWINSYNC_LOG_LEVL", "INFO")))))
                .hasMessageContaining("did you mean TWINSYNC_LOG_LEVEL?");
    }

    @Test
    void everyVariableSpringBindsToASettingIsAcceptedAndSoAreTheNonSettingOnes() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("TWINSYNC_HOME", "/tmp/h");
        variables.put("TWINSYNC_WRITER_CONCURRENCY", "8");
        variables.put("TWINSYNC_WRITER_MAXRETRIES", "3");
        variables.put("TWINSYNC_WRITER_MAX_RETRIES", "3"); // Spring's legacy form: dashes as underscores
        variables.put("TWINSYNC_SOURCE_MAXIMUM_POOL_SIZE", "2");
        variables.put("TWINSYNC_WRITER_LIMITS_PATCHES", "500");
        variables.put("twinsync_target_endpoint", "https://adt.example"); // lower case, as Spring accepts
        NonSettingVariables.names().forEach(name -> variables.put(name, "x"));
        variables.put("PATH", "/usr/bin");
        variables.put("OTHER_TWINSYNC_THING", "x");

        assertThatCode(() -> check.check(List.of(variables(variables)))).doesNotThrowAnyException();
    }

    @Test
    void relaxedPropertyNamesMapKeysAndOtherPrefixesAreAccepted() {
        Map<String, String> properties = Map.of(
                "twinsync.writer.maxRetries", "3",
                "twinsync.writer.max_retries", "3",
                "twinsync.writer.limits.creates-deletes", "400",
                "twinsync.writer.limits[patches]", "400",
                "twinsync.writer", "",
                "twinsyncother.key", "x",
                "spring.main.banner-mode", "off");

        assertThatCode(() -> check.check(List.of(properties(properties)))).doesNotThrowAnyException();
    }

    @Test
    void aGroupGivenAValueIsRefusedSayingWhatItHolds() {
        assertThatThrownBy(() -> check.check(List.of(properties(Map.of("twinsync.writer", "8")))))
                .hasMessageContaining("twinsync.writer")
                .hasMessageContaining("is a group of settings")
                .hasMessageContaining("twinsync.writer.concurrency");
    }

    @Test
    void aGroupGivenAValueAsAVariableIsRefusedSayingWhatItHolds() {
        assertThatThrownBy(() -> check.check(List.of(variables(Map.of("TWINSYNC_WRITER", "fast")))))
                .hasMessageContaining("TWINSYNC_WRITER is a group of settings (twinsync.writer)")
                .hasMessageContaining("TWINSYNC_WRITER_CONCURRENCY");
    }

    @Test
    void everyUnknownNameIsListedInOneMessageWithoutItsValue() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("twinsync.stagin", "https://acct.blob.core.windows.net/c?sv=1&sig=c2VjcmV0");
        properties.put("twinsync.source.pasword", "hunter2-secret");

        assertThatThrownBy(() -> check.check(List.of(properties(properties))))
                .hasMessageContaining("2 settings are not known")
                .hasMessageContaining("twinsync.stagin")
                .hasMessageContaining("did you mean twinsync.staging?")
                .hasMessageContaining("did you mean twinsync.source.password?")
                .hasMessageNotContaining("c2VjcmV0")
                .hasMessageNotContaining("hunter2-secret");
    }

    private static PropertySource<?> properties(Map<String, String> properties) {
        return new MapPropertySource(
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(properties));
    }

    private static PropertySource<?> variables(Map<String, String> variables) {
        return new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(variables));
    }
}
