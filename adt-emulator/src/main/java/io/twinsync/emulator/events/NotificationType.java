package io.twinsync.emulator.events;

/**
 * The kinds of event notification ADT produces, with the CloudEvents {@code type} of each (Microsoft Learn,
 * "Event notifications") and the name the older route filter attribute {@code $eventType} uses for its kind.
 * {@code DigitalTwinTelemetryMessages} and {@code DigitalTwinLifecycleNotification} are recorded from the service
 * (the SDK's EventRoutesTest filter); the other two are the documented notification type names ("Digital Twin
 * Change Notification", ...) written the same way, which nobody here has confirmed.
 */
public enum NotificationType {
    TWIN_CREATE("Microsoft.DigitalTwins.Twin.Create", "DigitalTwinLifecycleNotification"),
    TWIN_UPDATE("Microsoft.DigitalTwins.Twin.Update", "DigitalTwinChangeNotification"),
    TWIN_DELETE("Microsoft.DigitalTwins.Twin.Delete", "DigitalTwinLifecycleNotification"),
    RELATIONSHIP_CREATE("Microsoft.DigitalTwins.Relationship.Create", "DigitalTwinRelationshipChangeNotification"),
    RELATIONSHIP_UPDATE("Microsoft.DigitalTwins.Relationship.Update", "DigitalTwinRelationshipChangeNotification"),
    RELATIONSHIP_DELETE("Microsoft.DigitalTwins.Relationship.Delete", "DigitalTwinRelationshipChangeNotification"),
    TELEMETRY("microsoft.iot.telemetry", "DigitalTwinTelemetryMessages");

    private final String cloudEventType;
    private final String legacyEventType;

    NotificationType(String cloudEventType, String legacyEventType) {
        this.cloudEventType = cloudEventType;
        this.legacyEventType = legacyEventType;
    }

    /** The CloudEvents {@code type} attribute, such as {@code Microsoft.DigitalTwins.Twin.Create}. */
    public String cloudEventType() {
        return cloudEventType;
    }

    /** What a filter's {@code $eventType} compares with, such as {@code DigitalTwinLifecycleNotification}. */
    public String legacyEventType() {
        return legacyEventType;
    }
}
