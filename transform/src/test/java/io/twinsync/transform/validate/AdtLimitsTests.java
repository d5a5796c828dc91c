package io.twinsync.transform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdtLimitsTests {

    @Test
    void stringLimitCountsUtf8Bytes() {
        // 2,048 two-byte characters are exactly 4 KB; one more is over
        assertThat(AdtLimits.stringTooLong("é".repeat(2048))).isFalse();
        assertThat(AdtLimits.stringTooLong("é".repeat(2049))).isTrue();
        assertThat(AdtLimits.stringTooLong("x".repeat(4096))).isFalse();
    }
}
