package io.twinsync.emulator.model;

/** A Property content of an interface or of a relationship. */
public record DtdlProperty(String name, Schema schema, boolean writable) {}
