package io.twinsync.transform.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdTemplateTests {

    @Test
    void splitsLiteralTextAndColumns() {
        // when a template with two columns is parsed
        IdTemplate template = IdTemplate.parse("rel-{ Name }-{Code}");

        // then its parts alternate, with column names trimmed
        assertThat(template.parts())
                .containsExactly(
                        new IdTemplate.Literal("rel-"),
                        new IdTemplate.ColumnRef("Name"),
                        new IdTemplate.Literal("-"),
                        new IdTemplate.ColumnRef("Code"));
        assertThat(template.columns()).containsExactly("Name", "Code");
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        // when a template escapes braces, then they are literal text
        assertThat(IdTemplate.parse("{{x}}-{Id}").parts())
                .containsExactly(new IdTemplate.Literal("{x}-"), new IdTemplate.ColumnRef("Id"));
    }

    @Test
    void unclosedBraceIsRefused() {
        assertThatThrownBy(() -> IdTemplate.parse("a-{Id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'{' at position 3 of \"a-{Id\" is not closed");
    }

    @Test
    void strayClosingBraceIsRefused() {
        assertThatThrownBy(() -> IdTemplate.parse("a}-{Id}")).hasMessageContaining("'}' at position 2");
    }

    @Test
    void emptyColumnNameIsRefused() {
        assertThatThrownBy(() -> IdTemplate.parse("a-{ }")).hasMessageContaining("empty {}");
    }
}
