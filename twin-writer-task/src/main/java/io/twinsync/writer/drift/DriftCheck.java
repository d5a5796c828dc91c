package io.twinsync.writer.drift;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import io.twinsync.writer.TargetUnreachableException;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.apply.AdtGateway;
import io.twinsync.writer.apply.GraphQueries;
import io.twinsync.writer.limit.Pacer;
import io.twinsync.writer.limit.RequestLimiter;
import io.twinsync.writer.retry.RequestCounters;
import io.twinsync.writer.retry.RequestRetrier;
import io.twinsync.writer.retry.Sleeper;
import io.twinsync.writer.retry.TargetCircuitBreaker;
import io.twinsync.writer.state.KnownState;
import io.twinsync.writer.state.KnownTwin;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks cheaply that the graph still holds what twinsync last wrote: one query of {@code $dtId} and {@code $etag}
 * per mapped model (a page per 1,000 twins), compared with the known state, without reading any twin. An ETag
 * changes with every write to a twin (ADT's optimistic concurrency), so a twin someone else patched, or one whose
 * later writes the service lost, shows a different ETag.
 *
 * <p>Twins only: relationships carry no record here, and a full compare repairs both. Query results may lag writes by
 * a few seconds (ADT's query API is eventually consistent), so a check right after a write can report twins written
 * moments ago as changed; run it before a batch, as {@code twinsync run} does, not just after one.
 */
public final class DriftCheck {

    private final AdtGateway adt;

    /** What a check stopped by its circuit means, for {@link TargetUnreachableException}'s message. */
    private static final String STOPPED = "The drift check stopped waiting for it; nothing was written.";

    /**
     * @param client a client from {@code AdtClients.create}, whose own retries are off
     * @param endpoint the client's endpoint, to name the target in messages
     * @param settings retries, the instance's rate limits, and how long to wait for a target that answers nothing
     */
    public DriftCheck(DigitalTwinsClient client, URI endpoint, WriterSettings settings) {
        this(new AdtGateway(
                client,
                new RequestRetrier(
                        settings.retryPolicy(),
                        Sleeper.SYSTEM,
                        new RequestCounters(),
                        new RequestLimiter(settings.rateLimits(), Pacer.SYSTEM),
                        new TargetCircuitBreaker(endpoint.toString(), settings.unreachableAfter(), STOPPED))));
    }

    DriftCheck(AdtGateway adt) {
        this.adt = adt;
    }

    /**
     * Compares the graph's twins of {@code models} with {@code known}. Known twins recorded without a model (by
     * twinsync versions before drift checks) are checked for changes and reappearance, not for removal, since they
     * cannot be told apart from twins of models no longer mapped; their next write records the model.
     */
    public DriftReport check(KnownState known, Collection<String> models) {
        Map<String, String> graph = new HashMap<>();
        GraphQueries.Cost cost = GraphQueries.Cost.NONE;
        for (String model : models) {
            cost = cost.plus(GraphQueries.readAll(adt, GraphQueries.etagsOf(model), row -> {
                String id = row.path("$dtId").asText(null);
                if (id != null) {
                    graph.put(id, row.path("$etag").asText(null));
                }
            }));
        }
        List<String> changed = new ArrayList<>();
        List<String> reappeared = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        graph.forEach((id, etag) -> {
            KnownTwin twin = known.get(id).orElse(null);
            if (twin == null) {
                unknown.add(id);
            } else if (twin.removed()) {
                reappeared.add(id);
            } else if (twin.etag() != null && !Objects.equals(twin.etag(), etag)) {
                changed.add(id);
            }
        });
        List<String> removed = new ArrayList<>();
        long knownTwins = 0;
        for (KnownTwin twin : known.sorted()) {
            if (twin.removed() || twin.model() == null || !models.contains(twin.model())) {
                continue;
            }
            knownTwins++;
            if (!graph.containsKey(twin.twinId())) {
                removed.add(twin.twinId());
            }
        }
        changed.sort(null);
        reappeared.sort(null);
        unknown.sort(null);
        return new DriftReport(
                List.copyOf(models),
                graph.size(),
                knownTwins,
                changed,
                removed,
                reappeared,
                unknown,
                cost.pages(),
                cost.queryUnits());
    }
}
