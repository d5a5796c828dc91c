package io.twinsync.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TwinsyncPropertiesTests {

    @Test
    void aPlainHttpEndpointIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new TwinsyncProperties.Target("http://adt.example", null, "service"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.target.endpoint")
                .hasMessageContaining("https://");
    }

    @Test
    void anUnknownEmulatorLimitsValueIsRefusedSayingWhatWorks() {
        assertThatThrownBy(() -> new TwinsyncProperties.Target(null, null, "fast"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.target.emulator-limits")
                .hasMessageContaining("service")
                .hasMessageContaining("off");
    }

    @Test
    void writerSettingsOutsideTheWritersRulesAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new TwinsyncProperties.Writer(8, 25))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.writer.max-retries");
        assertThat(new TwinsyncProperties.Writer(4, 3).settings().concurrency()).isEqualTo(4);
    }

    @Test
    void aSourceUrlThatIsNotJdbcIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> new TwinsyncProperties.Source("postgres://h/db?password=s3cr3t!", null, null, 2, 1000))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("twinsync.source.url")
                .hasMessageNotContaining("s3cr3t!");
    }

    @Test
    void theSourcePasswordNeverShowsInToString() {
        TwinsyncProperties.Source source =
                new TwinsyncProperties.Source("jdbc:postgresql://h/db", "erp", "s3cr3t!", 2, 1000);

        assertThat(source.toString()).doesNotContain("s3cr3t!").contains("****");
    }

    @Test
    void stagingDefaultsToAFolderInHome() {
        TwinsyncProperties properties = new TwinsyncProperties(
                Path.of("/tmp/h"),
                new TwinsyncProperties.Source(null, null, null, 2, 1000),
                null,
                null,
                new TwinsyncProperties.Target(null, null, "service"),
                new TwinsyncProperties.Writer(8, 5));

        assertThat(properties.stagingRoot()).isEqualTo(Path.of("/tmp/h/staging"));
    }
}
