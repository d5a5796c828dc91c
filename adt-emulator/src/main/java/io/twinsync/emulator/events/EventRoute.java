package io.twinsync.emulator.events;

/**
 * An event route as the REST API shows it (REST spec 2023-10-31, {@code EventRoute}): {@code {"id", "endpointName",
 * "filter"}}.
 */
public record EventRoute(String id, String endpointName, String filter) {}
