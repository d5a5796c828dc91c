package io.twinsync.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.emulator.json.EmulatorJson;
import io.twinsync.emulator.patch.PatchOperation;
import io.twinsync.emulator.store.RelationshipService;
import io.twinsync.emulator.store.StoredRelationship;
import io.twinsync.emulator.store.StoredTwin;
import io.twinsync.emulator.store.TwinDocuments;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the notification of each change in the shape Microsoft Learn's "Event notifications" page documents (every
 * rule below comes from that page unless it says otherwise):
 *
 * <ul>
 *   <li>Twin create and delete: {@code Twin.Create} / {@code Twin.Delete}, subject the twin id, data the twin as
 *       {@code GET} returns it (after the create; the last state for a delete).
 *   <li>Twin patch: {@code Twin.Update}, data {@code {"modelId", "patch": [...]}} with the patch as sent. A component
 *       patch is reported with twin-level paths ({@code /comp1/prop1}), as the page's example body shows.
 *   <li>Relationships: {@code Relationship.Create} / {@code .Delete} with the relationship as {@code GET} returns it,
 *       {@code Relationship.Update} with {@code {"modelId", "patch"}}; subject {@code <twin>/relationships/<id>}. The
 *       page does not say whose model {@code modelId} is; its example names the source twin's kind of model, so the
 *       emulator uses the source twin's model.
 *   <li>Telemetry: {@code microsoft.iot.telemetry}, id the client's {@code Message-Id}, source
 *       {@code <host>/digitaltwins/<twin>} (the page's examples; its table omits {@code /digitaltwins}), data the body
 *       unchanged, {@code dataschema} the model of the twin or of the component, subject the component's name (none
 *       for the twin itself) and no {@code time}, as in the page's examples.
 *   <li>A PUT that replaces a twin or relationship: the page names no event for it. The emulator reports it as an
 *       update ({@code Twin.Update} / {@code Relationship.Update}) whose patch is the difference between the old and
 *       new document, and reports nothing when nothing changed (chosen; ADT's behaviour is unverified).
 * </ul>
 *
 * <p>{@code source} is the emulator's {@code host:port}, standing in for the instance host name. The trace context
 * is a new random one per event (ADT continues the caller's trace; the emulator does not follow requests' traces).
 */
public final class NotificationBuilder {

    private final String source;

    /** @param source the instance's host name, such as {@code localhost:8443} */
    public NotificationBuilder(String source) {
        this.source = source;
    }

    Notification twinCreated(StoredTwin twin) {
        return notification(NotificationType.TWIN_CREATE, twin.id(), twin.lastUpdateTime(), TwinDocuments.render(twin));
    }

    Optional<Notification> twinReplaced(StoredTwin previous, StoredTwin twin) {
        ArrayNode patch = DocumentDiff.twins(previous, twin);
        if (patch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                notification(NotificationType.TWIN_UPDATE, twin.id(), twin.lastUpdateTime(), change(twin, patch)));
    }

    Notification twinUpdated(StoredTwin twin, List<PatchOperation> patch) {
        return notification(
                NotificationType.TWIN_UPDATE, twin.id(), twin.lastUpdateTime(), change(twin.modelId(), render(patch)));
    }

    Notification twinDeleted(StoredTwin twin, Instant time) {
        return notification(NotificationType.TWIN_DELETE, twin.id(), time, TwinDocuments.render(twin));
    }

    Notification relationshipCreated(StoredRelationship relationship, Instant time) {
        return notification(
                NotificationType.RELATIONSHIP_CREATE,
                subject(relationship),
                time,
                RelationshipService.render(relationship));
    }

    Optional<Notification> relationshipReplaced(
            StoredRelationship previous, StoredRelationship relationship, String sourceModelId, Instant time) {
        ArrayNode patch = DocumentDiff.relationships(previous, relationship);
        if (patch.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(notification(
                NotificationType.RELATIONSHIP_UPDATE, subject(relationship), time, change(sourceModelId, patch)));
    }

    Notification relationshipUpdated(
            StoredRelationship relationship, String sourceModelId, List<PatchOperation> patch, Instant time) {
        return notification(
                NotificationType.RELATIONSHIP_UPDATE,
                subject(relationship),
                time,
                change(sourceModelId, render(patch)));
    }

    Notification relationshipDeleted(StoredRelationship relationship, Instant time) {
        return notification(
                NotificationType.RELATIONSHIP_DELETE,
                subject(relationship),
                time,
                RelationshipService.render(relationship));
    }

    Notification telemetry(String twinId, String component, String dataSchema, String messageId, JsonNode body) {
        return new Notification(
                NotificationType.TELEMETRY,
                messageId,
                source + "/digitaltwins/" + twinId,
                component,
                null,
                dataSchema,
                traceparent(),
                body);
    }

    private Notification notification(NotificationType type, String subject, Instant time, JsonNode data) {
        return new Notification(type, UUID.randomUUID().toString(), source, subject, time, null, traceparent(), data);
    }

    private static String subject(StoredRelationship relationship) {
        return relationship.sourceId() + "/relationships/" + relationship.id();
    }

    private static ObjectNode change(StoredTwin twin, ArrayNode patch) {
        return change(twin.modelId(), patch);
    }

    private static ObjectNode change(String modelId, ArrayNode patch) {
        ObjectNode data = EmulatorJson.object();
        data.put("modelId", modelId);
        data.set("patch", patch);
        return data;
    }

    /** Operations in the order of the page's examples: value, path, op. */
    private static ArrayNode render(List<PatchOperation> patch) {
        ArrayNode rendered = EmulatorJson.array();
        for (PatchOperation operation : patch) {
            String op = operation.op().name().toLowerCase(Locale.ROOT);
            rendered.add(DocumentDiff.operation(op, operation.pointer(), operation.value()));
        }
        return rendered;
    }

    private static String traceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "00-%016x%016x-%016x-01".formatted(random.nextLong(), random.nextLong(), random.nextLong());
    }
}
