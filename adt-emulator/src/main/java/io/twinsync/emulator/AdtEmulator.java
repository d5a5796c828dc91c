package io.twinsync.emulator;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.twinsync.emulator.events.EventRoutes;
import io.twinsync.emulator.events.NdjsonFileSink;
import io.twinsync.emulator.events.NotificationBuilder;
import io.twinsync.emulator.events.NotificationCounts;
import io.twinsync.emulator.events.NotificationDispatcher;
import io.twinsync.emulator.faults.FaultInjection;
import io.twinsync.emulator.faults.Faults;
import io.twinsync.emulator.http.AccessRefusedFilter;
import io.twinsync.emulator.http.ApiVersionFilter;
import io.twinsync.emulator.http.DefaultPageSizes;
import io.twinsync.emulator.http.EmulatorHttpHandler;
import io.twinsync.emulator.http.OperationDispatcher;
import io.twinsync.emulator.http.PayloadLimitFilter;
import io.twinsync.emulator.http.RequestCounter;
import io.twinsync.emulator.http.RequestFilter;
import io.twinsync.emulator.http.RequestPipeline;
import io.twinsync.emulator.http.ResponseDelay;
import io.twinsync.emulator.jobs.BlobTransport;
import io.twinsync.emulator.jobs.ImportJobService;
import io.twinsync.emulator.limits.RateLimitFilter;
import io.twinsync.emulator.limits.RateLimits;
import io.twinsync.emulator.snapshot.SnapshotFile;
import io.twinsync.emulator.store.EmulatorStore;
import io.twinsync.emulator.store.GraphEventListener;
import io.twinsync.emulator.tls.SelfSignedCertificates;
import io.twinsync.emulator.tls.TlsMaterial;
import io.twinsync.emulator.tls.TlsMaterialStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Azure Digital Twins data plane on {@code https://localhost:<port>}, for tests and local runs. The real
 * {@code azure-digitaltwins-core} client talks to it unchanged once its HTTP client trusts {@link #certificate()}
 * (see {@link #trustingSslContext()}); any bearer token is accepted.
 */
public final class AdtEmulator implements AutoCloseable {

    private static final String MAX_IDLE_CONNECTIONS_PROPERTY = "sun.net.httpserver.maxIdleConnections";
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private static final Logger log = LoggerFactory.getLogger(AdtEmulator.class);

    /**
     * The rate limits of an emulator whose builder was given none: the service's, so that local runs meet 429s
     * where ADT would answer them (twinsync's writer retries them).
     */
    public static final RateLimits DEFAULT_RATE_LIMITS = RateLimits.defaults();

    /** Worker threads of an emulator whose builder was given none: they only compute answers, latency holds none. */
    public static final int DEFAULT_WORKER_THREADS = 16;

    static {
        // The JDK server writes response headers and body as separate TLS records; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK add ~40 ms to every request. The JDK reads this property once,
        // when its first HTTP server starts, so it must be set before that and only if nobody chose otherwise.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        // The JDK server closes idle keep-alive connections beyond 200 (its default): a client holding more, as
        // needed to keep rate x latency requests in flight (1,000/s at 50 ms: 50; a load test: hundreds), would see
        // connections reset and pay TLS handshakes again. ADT keeps a client's connections; so does the emulator.
        if (System.getProperty(MAX_IDLE_CONNECTIONS_PROPERTY) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS_PROPERTY, "10000");
        }
    }

    private final HttpsServer server;
    private final ExecutorService workers;
    private final Optional<ScheduledExecutorService> answerTimer;
    private final EmulatorStore store;
    private final RequestCounter counter;
    private final ImportJobService importJobs;
    private final RateLimits rateLimits;
    private final FaultInjection faults;
    private final Optional<SnapshotFile> snapshot;
    private final EventRoutes eventRoutes = new EventRoutes();
    private final Optional<NotificationDispatcher> notifications;
    private final TlsMaterial tls;
    private final Optional<Path> pemFile;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AdtEmulator(Builder builder) throws IOException, GeneralSecurityException {
        TlsMaterialStore tlsFiles = builder.tlsDirectory == null ? null : new TlsMaterialStore(builder.tlsDirectory);
        this.tls = tlsFiles == null ? SelfSignedCertificates.generate() : tlsFiles.loadOrCreate();
        this.pemFile = Optional.ofNullable(tlsFiles).map(TlsMaterialStore::pemFile);
        // bound first: notifications name the instance by its host and port
        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        this.endpoint = URI.create("https://localhost:" + server.getAddress().getPort());
        Optional<NotificationDispatcher> dispatcher = Optional.empty();
        try {
            dispatcher = Optional.ofNullable(builder.eventsFile)
                    .map(file -> new NotificationDispatcher(
                            eventRoutes, new NotificationBuilder(endpoint.getAuthority()), new NdjsonFileSink(file)));
            this.store = new EmulatorStore(dispatcher.isPresent() ? dispatcher.get() : GraphEventListener.NONE);
            this.snapshot =
                    Optional.ofNullable(builder.snapshotFile).map(file -> new SnapshotFile(file, List.of(eventRoutes)));
            snapshot.ifPresent(file -> file.loadInto(store));
        } catch (RuntimeException e) {
            dispatcher.ifPresent(NotificationDispatcher::close);
            server.stop(0);
            throw e;
        }
        this.notifications = dispatcher;
        this.counter = new RequestCounter();
        this.importJobs = new ImportJobService(store, BlobTransport.standard());
        this.workers = Executors.newFixedThreadPool(builder.workerThreads, new DaemonThreads("adt-emulator-http-"));
        this.rateLimits = builder.rateLimits;
        this.faults = new FaultInjection(builder.faults, store);
        ResponseDelay delay = faults.responseDelay();
        // two: one client slow to read a large answer does not hold up every other delayed answer
        this.answerTimer = delay == ResponseDelay.NONE
                ? Optional.empty()
                : Optional.of(Executors.newScheduledThreadPool(2, new DaemonThreads("adt-emulator-latency-")));
        RequestPipeline pipeline = new RequestPipeline(
                filters(counter, rateLimits, faults, builder.refuseAccess),
                new OperationDispatcher(store, importJobs, eventRoutes, builder.pageSizes));
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        server.createContext(
                "/",
                faults.wrap(new EmulatorHttpHandler(pipeline, endpoint.toString(), delay, answerTimer.orElse(null))));
        server.setExecutor(workers);
        server.start();
        log.info(
                "ADT emulator: listening on {} (rate limits: {}; faults: {}; events: {}){}",
                endpoint,
                rateLimits.describe(),
                builder.faults.describe(),
                builder.eventsFile == null ? "off" : builder.eventsFile.toAbsolutePath(),
                builder.refuseAccess
                        ? "; refusing every request (403), as ADT refuses an identity without a role"
                        : "");
    }

    /**
     * Counting first, so every request and answer is counted (429s and injected errors too; dropped connections
     * never reach the pipeline); then injected errors, the api-version check (so malformed requests
     * spend no rate-limit tokens), rate limits, the payload check, and eventual consistency right before the
     * endpoints.
     */
    private static List<RequestFilter> filters(
            RequestCounter counter, RateLimits limits, FaultInjection faults, boolean refuseAccess) {
        List<RequestFilter> filters = new ArrayList<>();
        filters.add(counter);
        if (refuseAccess) {
            filters.add(new AccessRefusedFilter());
        }
        filters.addAll(faults.frontFilters());
        filters.add(new ApiVersionFilter());
        if (limits.enabled()) {
            filters.add(new RateLimitFilter(limits));
        }
        filters.add(new PayloadLimitFilter());
        filters.addAll(faults.backFilters());
        return filters;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The base URL to give the SDK, such as {@code https://localhost:54321}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The self-signed server certificate clients must trust. */
    public X509Certificate certificate() {
        return tls.certificate();
    }

    /** The certificate as a PEM file, when a TLS directory was configured. */
    public Optional<Path> certificatePemFile() {
        return pemFile;
    }

    /** An SSL context that trusts exactly this emulator's certificate, for a client's HTTP stack. */
    public SSLContext trustingSslContext() {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("adt-emulator", certificate());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not build an SSL context trusting the emulator certificate", e);
        }
    }

    /** Request counts since start (or the last {@link #resetStats()}). */
    public EmulatorStats stats() {
        return EmulatorStats.of(counter.operations(), counter.statuses());
    }

    public void resetStats() {
        counter.reset();
        faults.resetCounts();
    }

    /** The rate limits this emulator applies ({@link RateLimits#unlimited()} when off). */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** The faults this emulator injects ({@link Faults#none()} when off). */
    public Faults faults() {
        return faults.faults();
    }

    /** Connections closed without an answer by {@link Faults#dropRate()} since start or {@link #resetStats()}. */
    public long droppedConnections() {
        return faults.droppedConnections();
    }

    /**
     * Notifications written to the events file and changes dropped without one, since start; {@link
     * NotificationCounts#NONE} without an events file.
     */
    public NotificationCounts notifications() {
        return notifications.map(NotificationDispatcher::counts).orElse(NotificationCounts.NONE);
    }

    /** Writes the snapshot file now, if one is configured. */
    public void saveSnapshot() {
        snapshot.ifPresent(file -> file.save(store));
    }

    /** Stops the server, completes and closes the events file, and saves the snapshot. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        // the connections are closed: answers still waiting out their latency have no one to go to
        answerTimer.ifPresent(ExecutorService::shutdownNow);
        importJobs.close();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        notifications.ifPresent(NotificationDispatcher::close);
        saveSnapshot();
        log.info("ADT emulator: stopped {}", endpoint);
    }

    /** Options for {@link AdtEmulator}; {@link #start()} binds the port and loads the snapshot. */
    public static final class Builder {
        private int port;
        private Path snapshotFile;
        private Path tlsDirectory;
        private DefaultPageSizes pageSizes = DefaultPageSizes.SERVICE;
        private int workerThreads = DEFAULT_WORKER_THREADS;
        private RateLimits rateLimits = DEFAULT_RATE_LIMITS;
        private Faults faults = Faults.none();
        private Path eventsFile;
        private boolean refuseAccess;

        private Builder() {}

        /** The port on the loopback interface; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** Loads this file at start if it exists and writes it (atomically) on close and {@code saveSnapshot()}. */
        public Builder snapshotFile(Path file) {
            this.snapshotFile = file;
            return this;
        }

        /** Keeps the key and certificate here (emulator.p12, emulator-cert.pem) and reuses them across starts. */
        public Builder tlsDirectory(Path directory) {
            this.tlsDirectory = directory;
            return this;
        }

        /**
         * Items per page of every listing when the client sends no {@code max-items-per-page}. Unset, the
         * service's sizes apply ({@link DefaultPageSizes#SERVICE}): 10 for relationship listings, 100 for others.
         */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1) {
                throw new IllegalArgumentException("pageSize must be at least 1, not " + pageSize);
            }
            this.pageSizes = DefaultPageSizes.uniform(pageSize);
            return this;
        }

        /** Threads serving requests; default 16. */
        public Builder workerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("workerThreads must be at least 1, not " + threads);
            }
            this.workerThreads = threads;
            return this;
        }

        /**
         * Requests per second allowed per API class, answered 429 with {@code Retry-After} beyond that; default
         * {@link #DEFAULT_RATE_LIMITS}. {@link RateLimits#unlimited()} switches throttling off.
         */
        public Builder rateLimits(RateLimits limits) {
            this.rateLimits = Objects.requireNonNull(limits, "rateLimits");
            return this;
        }

        /** Faults to inject (server errors, latency, dropped connections, eventual consistency); default none. */
        /**
         * Refuse every request with 403 and an empty body, as ADT refuses a token whose identity has no data-plane
         * role on the instance ({@link AccessRefusedFilter}).
         */
        public Builder refuseAccess(boolean refuse) {
            this.refuseAccess = refuse;
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * Produces event notifications, as ADT does for its event routes, and appends every one that a route's filter
         * lets through to this file as a JSON line (NDJSON), tagged with the route and endpoint. Without it (the
         * default) no notifications are produced; routes can still be created.
         */
        public Builder eventsFile(Path file) {
            this.eventsFile = file;
            return this;
        }

        public AdtEmulator start() {
            try {
                return new AdtEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the ADT emulator on port " + port, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not set up TLS for the ADT emulator", e);
            }
        }
    }

    /** Daemon threads, so a forgotten emulator never keeps a JVM alive. */
    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger next = new AtomicInteger();

        DaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
