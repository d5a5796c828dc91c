package io.twinsync.transform.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.twinsync.staging.rows.ValueType;

/** DTDL {@code string}: any value, as its locale-independent text (see {@link ValueText}). */
final class StringConverter implements ValueConverter {

    static final StringConverter INSTANCE = new StringConverter();

    @Override
    public String target() {
        return "string";
    }

    @Override
    public boolean accepts(ValueType type) {
        return true;
    }

    @Override
    public JsonNode convert(Object value) {
        return TextNode.valueOf(ValueText.of(value));
    }
}
