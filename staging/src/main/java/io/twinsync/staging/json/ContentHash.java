package io.twinsync.staging.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 of a JSON value in canonical form (object keys sorted, numbers normalised), so that two documents that
 * mean the same hash the same whatever order their fields were written in.
 */
public final class ContentHash {

    private ContentHash() {}

    public static String of(JsonNode value) {
        try {
            byte[] canonical = StagingJson.mapper().writeValueAsBytes(canonical(value));
            return "sha256:" + HexFormat.of().formatHex(sha256(canonical));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a JSON tree", e);
        }
    }

    /**
     * The first {@code hexChars} hex digits of the SHA-256 of a text's UTF-8 bytes: a short, stable fingerprint for
     * names that must stay unique when a readable part is cut or folded (twin file names, long relationship ids).
     *
     * @param hexChars 1 to 64; 16 (64 bits) makes an accidental collision negligible for millions of names
     */
    public static String shortHex(String text, int hexChars) {
        if (hexChars < 1 || hexChars > 64) {
            throw new IllegalArgumentException("hexChars must be between 1 and 64, was " + hexChars);
        }
        return HexFormat.of()
                .formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)))
                .substring(0, hexChars);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A copy of the value with object keys sorted and decimals stripped of trailing zeros. */
    public static JsonNode canonical(JsonNode value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null || value.isNull()) {
            return nodes.nullNode();
        }
        if (value.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            fields.addAll(value.properties());
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode sorted = nodes.objectNode();
            fields.forEach(e -> sorted.set(e.getKey(), canonical(e.getValue())));
            return sorted;
        }
        if (value.isArray()) {
            ArrayNode copy = nodes.arrayNode();
            value.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        if (value.isNumber()) {
            return nodes.numberNode(value.decimalValue().stripTrailingZeros());
        }
        return value;
    }
}
