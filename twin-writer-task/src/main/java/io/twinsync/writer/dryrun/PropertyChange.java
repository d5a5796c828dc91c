package io.twinsync.writer.dryrun;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One value a planned write changes.
 *
 * @param path a JSON Pointer, such as {@code /temperature} or {@code /nameplate/serialNumber}
 * @param before the value now (null: none, or not known without a read the write would not make)
 * @param after the value the write sets (null: the write removes it)
 */
public record PropertyChange(String path, JsonNode before, JsonNode after) {}
