package io.twinsync.staging.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwinPointersTests {

    @Test
    void keysWithSlashesAndTildesRoundTrip() {
        List<String> keys = List.of("attributes", "a/b", "~x", "~1");

        String pointer = TwinPointers.of(keys);

        assertThat(pointer).isEqualTo("/attributes/a~1b/~0x/~01");
        assertThat(TwinPointers.segments(pointer)).isEqualTo(keys);
    }

    @Test
    void aNameWithoutLeadingSlashIsATopLevelProperty() {
        assertThat(TwinPointers.segments("ratedPowerKw")).containsExactly("ratedPowerKw");
    }
}
