package io.twinsync.writer.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.writer.TargetUnreachableException;
import io.twinsync.writer.report.ItemAction;
import io.twinsync.writer.report.ItemKind;
import io.twinsync.writer.report.ItemResult;
import io.twinsync.writer.retry.Attempts;
import io.twinsync.writer.retry.Sleeper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Phase 2 for one twin: its outgoing relationships, one after another (ADT allows 10 writes per second on one twin
 * and its relationships). Run only after every twin of the partition went through phase 1, so targets exist. A
 * relationship's failure is its own; the others go on.
 */
public final class RelationshipPhase {

    private final AdtGateway adt;
    private final Set<String> createdThisRun;
    private final RelationshipApplier relationships;
    private final GraphSnapshot graph;

    /**
     * @param createdThisRun the twins phase 1 created; a relationship to one of them that ADT still reports as
     *     missing is retried briefly (see {@link RelationshipApplier#CONSISTENCY_WAITS})
     */
    public RelationshipPhase(AdtGateway adt, Set<String> createdThisRun, Sleeper sleeper) {
        this(adt, createdThisRun, sleeper, null);
    }

    /**
     * @param graph for a full compare, the mapped part of the graph as a query returned it: each relationship is
     *     planned against it, and stale ones are found in it, instead of reading or listing; null otherwise
     */
    public RelationshipPhase(AdtGateway adt, Set<String> createdThisRun, Sleeper sleeper, GraphSnapshot graph) {
        this.adt = adt;
        this.createdThisRun = createdThisRun;
        this.relationships = new RelationshipApplier(adt, createdThisRun::contains, sleeper);
        this.graph = graph;
    }

    /** The results of a twin's relationships, each marked with the twin file's entity and when they were done. */
    public List<ItemResult> apply(TwinOutcome twin) {
        TwinFile file = twin.file();
        if (file == null) {
            return List.of();
        }
        List<ItemResult> results = applyAll(twin, file);
        Instant done = Instant.now();
        return results.stream().map(r -> r.finished(file.entity(), done)).toList();
    }

    private List<ItemResult> applyAll(TwinOutcome twin, TwinFile file) {
        if (twin.result().action() == ItemAction.SKIPPED) {
            // a replay's twin that a newer batch applied: its relationships are that batch's too
            return file.relationships().stream()
                    .map(r -> ItemResult.skipped(
                            ItemKind.RELATIONSHIP,
                            Documents.text(r, "$relationshipId"),
                            file.twinId(),
                            twin.result().errorCode(),
                            "Relationship " + Documents.text(r, "$relationshipId") + " left as it is with its twin: "
                                    + twin.result().message()))
                    .toList();
        }
        if (file.tombstone()) {
            // what phase 1 deleted before the twin, one line each (their requests are in the twin's attempts)
            return twin.relationshipsDeleted().stream()
                    .map(r -> ItemResult.success(
                            ItemKind.RELATIONSHIP, r.relationshipId(), r.sourceId(), ItemAction.DELETED, 0, 0))
                    .toList();
        }
        List<ItemResult> results = new ArrayList<>();
        for (ObjectNode relationship : file.relationships()) {
            results.add(apply(twin, file.twinId(), relationship));
        }
        // A twin this run created has no relationships but those just written: nothing can be stale.
        if (!file.ownedRelationships().isEmpty()
                && !twin.alreadyApplied()
                && !twin.result().failed()
                && twin.result().action() != ItemAction.CREATED) {
            results.addAll(removeStale(twin));
        }
        return results;
    }

    /**
     * Deletes the twin's outgoing relationships of the names its file owns ({@code stale: remove}) that the file no
     * longer lists. From the last applied file when the twin was planned from it (no listing: only relationships
     * this writer made can be stale), else by listing the twin's relationships of each owned name.
     */
    private List<ItemResult> removeStale(TwinOutcome twin) {
        TwinFile file = twin.file();
        Set<String> wanted = file.relationships().stream()
                .map(r -> Documents.text(r, "$relationshipId"))
                .collect(Collectors.toSet());
        List<ItemResult> results = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        if (graph != null) {
            // a full compare: the graph's relationships of the owned names, as the query found them
            graph.relationshipsOf(file.twinId()).forEach((id, current) -> {
                String name = Documents.text(current.json(), "$relationshipName");
                if (file.ownedRelationships().contains(name) && !wanted.contains(id)) {
                    stale.add(id);
                }
            });
            return deleteStale(file, stale, results);
        }
        // From the last file only for names it owned too: relationships the source dropped while a name was not
        // owned were never this writer's to track, so only a listing finds them.
        TwinFile last = twin.lastApplied();
        List<String> fromLastFile = last == null
                ? List.of()
                : file.ownedRelationships().stream()
                        .filter(last.ownedRelationships()::contains)
                        .toList();
        for (ObjectNode before : last == null ? List.<ObjectNode>of() : last.relationships()) {
            String id = Documents.text(before, "$relationshipId");
            if (fromLastFile.contains(Documents.text(before, "$relationshipName")) && !wanted.contains(id)) {
                stale.add(id);
            }
        }
        for (String name : file.ownedRelationships()) {
            if (fromLastFile.contains(name)) {
                continue;
            }
            long start = System.nanoTime();
            Attempts attempts = new Attempts();
            try {
                adt.listRelationships(file.twinId(), name, attempts).stream()
                        .map(RelationshipRef::relationshipId)
                        .filter(id -> !wanted.contains(id))
                        .forEach(stale::add);
            } catch (TargetUnreachableException e) {
                throw e; // the whole write stops; nothing is recorded as failed
            } catch (RuntimeException e) {
                AdtError error = AdtError.of(e);
                results.add(failure(
                        name,
                        file,
                        attempts,
                        start,
                        error.code(),
                        "Cannot list the '" + name + "' relationships of " + file.twinId()
                                + " to remove those the source no longer has: " + error.message()));
            }
        }
        return deleteStale(file, stale, results);
    }

    private List<ItemResult> deleteStale(TwinFile file, List<String> stale, List<ItemResult> results) {
        for (String id : stale) {
            long start = System.nanoTime();
            Attempts attempts = new Attempts();
            try {
                if (!adt.deleteRelationship(new RelationshipRef(file.twinId(), id), attempts)) {
                    continue; // already gone (a tombstone of its target took it): nothing to report twice
                }
                results.add(ItemResult.success(
                        ItemKind.RELATIONSHIP,
                        id,
                        file.twinId(),
                        ItemAction.DELETED,
                        attempts.count(),
                        TwinPhase.millisSince(start)));
            } catch (TargetUnreachableException e) {
                throw e; // the whole write stops; nothing is recorded as failed
            } catch (RuntimeException e) {
                AdtError error = AdtError.of(e);
                results.add(failure(id, file, attempts, start, error.code(), error.message()));
            }
        }
        return results;
    }

    private static ItemResult failure(
            String id, TwinFile file, Attempts attempts, long startNanos, String code, String message) {
        return ItemResult.failure(
                ItemKind.RELATIONSHIP,
                id,
                file.twinId(),
                attempts.count(),
                TwinPhase.millisSince(startNanos),
                code,
                message);
    }

    /**
     * Plans a relationship from the file this writer applied before, when the twin was still as that write left it:
     * the same relationship then needs nothing, a new one is created without a read; a changed one is read first.
     */
    private Step applyAfter(TwinFile last, String twinId, ObjectNode relationship, Attempts attempts) {
        String id = Documents.text(relationship, "$relationshipId");
        Optional<ObjectNode> before = last.relationships().stream()
                .filter(r -> id.equals(Documents.text(r, "$relationshipId")))
                .findFirst();
        if (before.isEmpty()) {
            return relationships.applyNew(twinId, relationship, attempts);
        }
        if (!before.get().equals(relationship)) {
            return relationships.apply(twinId, relationship, attempts);
        }
        if (createdThisRun.contains(Documents.text(relationship, "$targetId"))) {
            // its target was created anew this run (deleted as a tombstone before, say), taking the relationship
            // with it: create it again, or bring it in line if it is there after all
            return relationships.applyNew(twinId, relationship, attempts);
        }
        return Step.done(ItemAction.UNCHANGED, null);
    }

    private ItemResult apply(TwinOutcome twin, String twinId, ObjectNode relationship) {
        String id = Documents.text(relationship, "$relationshipId");
        if (twin.alreadyApplied()) {
            return ItemResult.success(ItemKind.RELATIONSHIP, id, twinId, ItemAction.UNCHANGED, 0, 0);
        }
        if (twin.result().failed()) {
            return ItemResult.failure(
                    ItemKind.RELATIONSHIP,
                    id,
                    twinId,
                    0,
                    0,
                    "SourceTwinNotWritten",
                    "Relationship " + id + " was not written because its twin " + twinId + " failed ("
                            + twin.result().errorCode() + "); fix the twin and run again.");
        }
        long start = System.nanoTime();
        Attempts attempts = new Attempts();
        Step step;
        try {
            if (twin.lastApplied() != null) {
                step = applyAfter(twin.lastApplied(), twinId, relationship, attempts);
            } else if (graph != null && twin.result().action() != ItemAction.CREATED) {
                step = relationships.applyAgainst(
                        twinId,
                        relationship,
                        Optional.ofNullable(graph.relationshipsOf(twinId).get(id)),
                        attempts);
            } else if (twin.result().action() == ItemAction.CREATED) {
                // a twin made moments ago by this run has no relationships yet: create without reading
                step = relationships.applyNew(twinId, relationship, attempts);
            } else {
                step = relationships.apply(twinId, relationship, attempts);
            }
        } catch (TargetUnreachableException e) {
            throw e;
        } catch (RuntimeException e) {
            AdtError error = AdtError.of(e);
            step = Step.failed(error.code(), error.message());
        }
        return new ItemResult(
                ItemKind.RELATIONSHIP,
                id,
                twinId,
                step.action(),
                attempts.count(),
                TwinPhase.millisSince(start),
                step.errorCode(),
                step.message(),
                null,
                null);
    }
}
