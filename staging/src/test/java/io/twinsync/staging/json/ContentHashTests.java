package io.twinsync.staging.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHashTests {

    @Test
    void aShortHexIsThePrefixOfTheTextsSha256() {
        // when / then (SHA-256 of "abc" is ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad)
        assertThat(ContentHash.shortHex("abc", 16)).isEqualTo("ba7816bf8f01cfea");
        assertThat(ContentHash.shortHex("abc", 7)).isEqualTo("ba7816b");
    }
}
