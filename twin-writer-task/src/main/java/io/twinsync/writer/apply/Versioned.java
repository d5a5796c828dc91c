package io.twinsync.writer.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A twin or relationship as ADT returned it, with its ETag. */
public record Versioned(ObjectNode json, String etag) {}
