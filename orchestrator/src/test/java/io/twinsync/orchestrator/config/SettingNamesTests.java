package io.twinsync.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

class SettingNamesTests {

    private final SettingNames names = SettingNames.twinsync();

    @Test
    void theSettingsAreReadFromTheRecordsInKebabCase() {
        assertThat(names.all())
                .contains(
                        "twinsync.home",
                        "twinsync.source.url",
                        "twinsync.source.maximum-pool-size",
                        "twinsync.target.emulator-limits",
                        "twinsync.writer.concurrency",
                        "twinsync.writer.rate-share",
                        "twinsync.writer.limits.{key}",
                        "twinsync.archive.enabled",
                        "twinsync.archive.keep-days",
                        "twinsync.archive.keep-batches")
                .doesNotContain("twinsync.source", "twinsync.writer", "twinsync.writer.limits");
    }

    @Test
    void relaxedFormsOfASettingAreThatSetting() {
        for (String written : new String[] {
            "twinsync.writer.max-retries",
            "twinsync.writer.maxRetries",
            "twinsync.writer.max_retries",
            "TWINSYNC.WRITER.MAX-RETRIES"
        }) {
            assertThat(names.kindOf(ConfigurationPropertyName.adapt(written, '.')))
                    .as(written)
                    .isEqualTo(SettingNames.Kind.SETTING);
        }
    }

    @Test
    void keysOfAMapValuedSettingAreFreeAndGroupsAreKnown() {
        assertThat(names.kindOf(name("twinsync.writer.limits.patches"))).isEqualTo(SettingNames.Kind.MAP_KEY);
        assertThat(names.kindOf(name("twinsync.writer.limits.anything-at-all"))).isEqualTo(SettingNames.Kind.MAP_KEY);
        assertThat(names.kindOf(name("twinsync.writer"))).isEqualTo(SettingNames.Kind.GROUP);
        assertThat(names.kindOf(name("twinsync"))).isEqualTo(SettingNames.Kind.GROUP);
        assertThat(names.kindOf(name("twinsync.writer.concurency"))).isEqualTo(SettingNames.Kind.UNKNOWN);
        assertThat(names.kindOf(name("twinsync.staging.connection-string"))).isEqualTo(SettingNames.Kind.UNKNOWN);
    }

    @Test
    void theNearestSettingIsTheFewestEditsAway() {
        assertThat(names.nearest("twinsync.writer.concurency")).isEqualTo("twinsync.writer.concurrency");
        assertThat(names.nearest("twinsync.writer.maxRetris")).isEqualTo("twinsync.writer.max-retries");
        assertThat(names.nearest("twinsync.target.endpont")).isEqualTo("twinsync.target.endpoint");
        assertThat(names.nearest("twinsync.source.pasword")).isEqualTo("twinsync.source.password");
        // a key below a mistyped map keeps its own last part
        assertThat(names.nearest("twinsync.writer.limit.patches")).isEqualTo("twinsync.writer.limits.patches");
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(SettingNames.editDistance("concurency", "concurrency")).isEqualTo(1);
        assertThat(SettingNames.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(SettingNames.editDistance("", "abc")).isEqualTo(3);
    }

    private static ConfigurationPropertyName name(String name) {
        return ConfigurationPropertyName.of(name);
    }
}
