package io.twinsync.orchestrator.config;

import io.twinsync.staging.StagingStore;
import io.twinsync.staging.StagingStores;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MappingLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The beans every command shares. Heavy ones are lazy so that, say, {@code twin} never opens the ERP. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwinsyncProperties.class)
public class TwinsyncConfiguration {

    /** Where the sample mapping ships inside the sample-twins jar. */
    public static final String SAMPLE_MAPPING = "io/twinsync/sample/twins/mapping.yaml";

    /**
     * The staging area: a folder, or Blob Storage signed in with a SAS in the URL, else
     * {@value StagingStores#CONNECTION_STRING_VARIABLE}, else {@code DefaultAzureCredential}.
     */
    @Bean
    StagingStore stagingStore(TwinsyncProperties properties) {
        String location = properties.stagingLocation();
        try {
            return StagingStores.open(location, StagingStores.connectionStringFromEnvironment());
        } catch (IllegalArgumentException e) {
            // The value shown without its query: a SAS token must not reach the message.
            throw new InvalidSettingException("twinsync.staging", location.split("\\?", 2)[0], e.getMessage());
        }
    }

    @Bean
    @Lazy
    Mapping mapping(TwinsyncProperties properties) {
        return loadMapping(properties);
    }

    /**
     * Loads the configured mapping, or the sample one.
     *
     * @throws io.twinsync.transform.mapping.MappingException listing every problem in the mapping
     */
    public static Mapping loadMapping(TwinsyncProperties properties) {
        String mapping = properties.mapping();
        if (mapping == null || mapping.isBlank()) {
            return MappingLoader.loadFromClasspath(SAMPLE_MAPPING);
        }
        Path file = Path.of(mapping);
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingException(
                    "twinsync.mapping", mapping, "no such file; give the path of your mapping YAML file");
        }
        return MappingLoader.load(file);
    }
}
