package io.twinsync.emulator.model;

/** A Component content: a named part of a twin shaped by another interface. */
public record DtdlComponent(String name, String interfaceId) {}
