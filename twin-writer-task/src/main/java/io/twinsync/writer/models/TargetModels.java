package io.twinsync.writer.models;

import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.writer.TargetUnreachableException;
import io.twinsync.writer.WriterSettings;
import io.twinsync.writer.apply.AdtGateway;
import io.twinsync.writer.apply.ModelUploader;
import io.twinsync.writer.limit.Pacer;
import io.twinsync.writer.limit.RequestLimiter;
import io.twinsync.writer.retry.Attempts;
import io.twinsync.writer.retry.RequestCounters;
import io.twinsync.writer.retry.RequestRetrier;
import io.twinsync.writer.retry.Sleeper;
import io.twinsync.writer.retry.TargetCircuitBreaker;
import java.net.URI;
import java.util.List;

/**
 * The models of one target instance, for commands that look at or upload models outside a batch ({@code twinsync
 * models}, {@code validate}): the same calls, retries, rate limits and unreachable window as the writer.
 */
public final class TargetModels {

    /** What a command stopped by its circuit means, for {@link TargetUnreachableException}'s message. */
    private static final String STOPPED =
            "The command stopped waiting for it; models uploaded before that, if any, stay in ADT.";

    private final AdtGateway adt;

    /**
     * @param client a client from {@code AdtClients.create}, whose own retries are off
     * @param endpoint the client's endpoint, to name the target in messages (the client does not tell it)
     * @param settings retries, the instance's rate limits, and how long to wait for a target that answers nothing
     */
    public TargetModels(DigitalTwinsClient client, URI endpoint, WriterSettings settings) {
        RequestRetrier retrier = new RequestRetrier(
                settings.retryPolicy(),
                Sleeper.SYSTEM,
                new RequestCounters(),
                new RequestLimiter(settings.rateLimits(), Pacer.SYSTEM),
                new TargetCircuitBreaker(endpoint.toString(), settings.unreachableAfter(), STOPPED));
        this.adt = new AdtGateway(client, retrier);
    }

    /**
     * Every model the target holds, with its definition.
     *
     * @throws io.twinsync.writer.apply.ModelUploadException saying what the service answered and what to check
     * @throws TargetUnreachableException when no request got an answer for the settings' {@code unreachableAfter}
     */
    public List<TargetModel> list() {
        try {
            return adt.listModels(new Attempts());
        } catch (TargetUnreachableException e) {
            throw e; // says all there is to say already
        } catch (RuntimeException e) {
            throw ModelUploader.cannotList("", e);
        }
    }

    /**
     * Uploads what the target lacks of these models; see {@link ModelUploader#upload}.
     *
     * @param listed the target's models as {@link #list()} has just given them
     */
    public ModelUploader.Uploaded upload(List<ObjectNode> models, String what, List<TargetModel> listed) {
        return new ModelUploader(adt).upload(models, what, listed);
    }
}
