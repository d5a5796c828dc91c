package io.twinsync.writer.retry;

import io.twinsync.writer.TargetRefusedException;
import io.twinsync.writer.TargetUnreachableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that the target answers nothing: once every request has failed without an answer (I/O error, 408, 5xx)
 * for longer than {@code window}, it opens and stays open, and every request that then checks it throws one
 * {@link TargetUnreachableException}, so that in-flight and queued work stops at its next attempt instead of each
 * retrying for minutes. Any answer (a success, a 4xx, a 429) ends the {@link Outage} and starts the window again.
 * Until the window has passed, requests keep retrying through an outage (see {@link RetryCount}), so that a shorter
 * one costs nothing. One per write (or command), shared by all its requests; thread-safe.
 */
public final class TargetCircuitBreaker {

    private static final Logger log = LoggerFactory.getLogger(TargetCircuitBreaker.class);

    private final String target;
    private final Duration window;
    private final String stopped;
    private final LongSupplier nanoClock;
    /** The outage under way, or null while requests get answers. */
    private final AtomicReference<Outage> outage = new AtomicReference<>();

    private volatile TargetUnreachableException open;

    /**
     * A time in which no request got an answer: from the first failure after an answer to the next answer. One
     * instance per outage, so that a request can tell, by identity, whether anything answered between two of its
     * failures.
     */
    static final class Outage {

        private final long sinceNanos;
        private final AtomicBoolean waitingOutLogged = new AtomicBoolean();

        private Outage(long sinceNanos) {
            this.sinceNanos = sinceNanos;
        }
    }

    /**
     * @param target names the target in the message, such as its endpoint
     * @param window how long every request may fail before everything stops
     * @param stopped what stopping means for the caller's work, for the message: what was done stays done, what is
     *     lost, what running again does
     */
    public TargetCircuitBreaker(String target, Duration window, String stopped) {
        this(target, window, stopped, System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds, such as {@link System#nanoTime()} */
    public TargetCircuitBreaker(String target, Duration window, String stopped, LongSupplier nanoClock) {
        this.target = target;
        this.window = window;
        this.stopped = stopped;
        this.nanoClock = nanoClock;
    }

    /** @throws TargetUnreachableException when the circuit is open */
    public void check() {
        TargetUnreachableException opened = open;
        if (opened != null) {
            // a new instance per thread, so that each stack trace says where that request stopped
            throw opened.again();
        }
    }

    /** A request got an answer: the target is there, whatever it said. Ends the outage, if any. */
    void answered() {
        outage.set(null);
    }

    /**
     * A request got no answer, or a 408 or 5xx; opens the circuit when that has been so for every request for
     * longer than the window.
     *
     * @param what the request, such as {@code PUT twin pump-7}
     * @return the outage this failure belongs to: the same one as an earlier failure's when nothing answered since
     * @throws TargetUnreachableException when the circuit is (now) open
     */
    Outage failed(String what, Throwable failure) {
        long now = nanoClock.getAsLong();
        Outage current = outage.updateAndGet(o -> o != null ? o : new Outage(now));
        long failingFor = now - current.sinceNanos;
        // an answer that ended this outage meanwhile means the target is there after all
        if (failingFor >= window.toNanos() && outage.get() == current) {
            open(Duration.ofNanos(failingFor), what, failure);
        }
        check();
        return current;
    }

    /**
     * A request keeps retrying past its {@code maxRetries} because nothing answers: says so in the log, once per
     * outage, so that a writer that goes quiet for up to the window says why.
     */
    void waitingOut(Outage during, String what) {
        if (during.waitingOutLogged.compareAndSet(false, true)) {
            log.warn(
                    "ADT at {} has answered no request for {} ({} failed again); requests keep retrying past their"
                            + " max retries until it answers, and stop if nothing answers for {} (unreachable-after)",
                    target,
                    FailureText.duration(Duration.ofNanos(nanoClock.getAsLong() - during.sinceNanos)),
                    what,
                    FailureText.duration(window));
        }
    }

    /** The time left before the circuit opens if nothing answers; the whole window while requests get answers. */
    Duration untilOpen() {
        Outage current = outage.get();
        if (current == null) {
            return window;
        }
        long left = window.toNanos() - (nanoClock.getAsLong() - current.sinceNanos);
        return Duration.ofNanos(Math.max(0, left));
    }

    /**
     * ADT refused the credential (401, or 403: no data-plane role): every request would be refused alike, so the
     * circuit opens at once, and requests in flight stop at their next check.
     *
     * @return the exception to throw
     */
    synchronized TargetRefusedException refused(String what, int status, Throwable failure) {
        String why = status == 401
                ? "it did not accept the token (expired, from another tenant, or not for Azure Digital Twins)"
                : "the identity twinsync signs in with has no data-plane role on the instance";
        TargetRefusedException refused = new TargetRefusedException(
                "ADT at " + target + " refused the credential (" + status + " on " + what + "): " + why + ". "
                        + stopped + " Assign the identity the 'Azure Digital Twins Data Owner' role on the instance"
                        + " (az dt role-assignment create --dt-name {instance} --assignee {identity} --role \"Azure"
                        + " Digital Twins Data Owner\"; it takes a few minutes to apply), check twinsync.target's"
                        + " credential settings, then run again.",
                status,
                failure);
        if (open == null) {
            open = refused;
        }
        return refused;
    }

    /**
     * The credential gave no token for a request (no Azure sign-in, no managed identity, a wrong secret): every
     * request would fail alike, so the circuit opens at once.
     *
     * @return the exception to throw
     */
    synchronized TargetRefusedException noToken(String what, Throwable failure) {
        TargetRefusedException refused = new TargetRefusedException(
                "twinsync could not sign in to ADT at " + target + " (no token for " + what + "): the credential"
                        + " (DefaultAzureCredential) found no identity to use: "
                        + FailureText.oneLine(firstLine(failure)) + ". " + stopped + " Sign in with 'az login',"
                        + " run where a managed identity is assigned, or set AZURE_CLIENT_ID, AZURE_TENANT_ID and"
                        + " AZURE_CLIENT_SECRET; then run again.",
                0,
                failure);
        if (open == null) {
            open = refused;
        }
        return refused;
    }

    /** The credential's own failure without the chain azure-identity appends after {@code --->}. */
    private static Throwable firstLine(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        int chained = message.indexOf(" --->");
        String first = (chained < 0 ? message : message.substring(0, chained)).strip();
        // the sentence this message goes into ends with its own full stop
        return new IllegalStateException(first.endsWith(".") ? first.substring(0, first.length() - 1) : first);
    }

    private synchronized void open(Duration failingFor, String what, Throwable failure) {
        if (open != null) {
            return;
        }
        open = new TargetUnreachableException(
                "ADT at " + target + " did not answer for " + FailureText.duration(failingFor)
                        + ": every request failed in that time, the last one " + what + " with "
                        + FailureText.oneLine(failure) + ". " + stopped + " Check that the instance is up and"
                        + " reachable from here (endpoint, network, firewall, DNS), then run again; the"
                        + " unreachable-after setting (now " + FailureText.duration(window) + ") sets how long to"
                        + " wait for it.",
                failingFor,
                failure);
    }
}
