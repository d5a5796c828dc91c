package io.twinsync.emulator;

import static io.twinsync.emulator.AdtAssertions.assertAdtError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.azure.core.credential.AccessToken;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.digitaltwins.core.BasicDigitalTwin;
import com.azure.digitaltwins.core.BasicDigitalTwinMetadata;
import com.azure.digitaltwins.core.BasicRelationship;
import com.azure.digitaltwins.core.DigitalTwinsClient;
import com.azure.digitaltwins.core.DigitalTwinsClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.faults.Faults;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/** Each injected fault over real HTTPS, as a raw client and the SDK see it. */
class FaultInjectionTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONSISTENCY_DELAY = Duration.ofMillis(1_500);

    @TempDir
    Path dir;

    private final List<AdtEmulator> emulators = new ArrayList<>();

    @AfterEach
    void stop() {
        emulators.forEach(AdtEmulator::close);
    }

    @Test
    void failuresFollowTheSeed() throws Exception {
        // given two emulators failing 30% of requests with the same seed
        Faults faults = Faults.none().withFailures(0.3, 503).withSeed(7);

        // when each gets the same 40 requests, one after another
        List<Integer> first = statusesOf40Reads(start(faults));
        List<Integer> second = statusesOf40Reads(start(faults));

        // then
        assertThat(first).isEqualTo(second).contains(200, 503).containsOnly(200, 503);
    }

    @Test
    void anInjectedFailureHasAnAdtErrorBody() throws Exception {
        // given
        RawHttp http = new RawHttp(start(Faults.none().withFailures(1.0, 500)));

        // when
        HttpResponse<String> response = http.get("/models");

        // then
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("x-ms-error-code")).contains("InternalServerError");
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("InternalServerError");
        assertThat(error.get("message").asText()).contains("Injected fault");
    }

    @Test
    void latencyDelaysEveryAnswerByAtLeastTheFixedPart() throws Exception {
        // given
        RawHttp http = new RawHttp(start(Faults.none().withLatency(Duration.ofMillis(200), Duration.ofMillis(50))));

        // when
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            http.get("/models");
            millis.add((System.nanoTime() - start) / 1_000_000);
        }

        // then
        assertThat(millis).allSatisfy(elapsed -> assertThat(elapsed).isGreaterThanOrEqualTo(200));
    }

    @Test
    void latencyHoldsNoWorkerThreadSoConcurrentRequestsWaitItOutTogether() throws Exception {
        // given one worker thread and 300 ms of latency: a worker sleeping out each delay would answer 10 concurrent
        // requests in 3 s, one after another
        AdtEmulator emulator = start(TestEmulators.builder()
                .workerThreads(1)
                .faults(Faults.none().withLatency(Duration.ofMillis(300), Duration.ZERO)));
        RawHttp http = new RawHttp(emulator);
        http.get("/models"); // the TLS handshake and the server's warm-up, out of the measurement

        // when 10 requests are sent at once
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<java.util.concurrent.Future<Long>> answers = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < 10; i++) {
                answers.add(clients.submit(() -> {
                    long sent = System.nanoTime();
                    assertThat(http.get("/models").statusCode()).isEqualTo(200);
                    return (System.nanoTime() - sent) / 1_000_000;
                }));
            }
            List<Long> millis = new ArrayList<>();
            for (java.util.concurrent.Future<Long> answer : answers) {
                millis.add(answer.get());
            }
            long all = (System.nanoTime() - start) / 1_000_000;

            // then each waited the latency, and all of them together took far less than one after another
            assertThat(millis).allSatisfy(elapsed -> assertThat(elapsed).isGreaterThanOrEqualTo(300));
            assertThat(all).as("10 answers of 300 ms with one worker").isLessThan(1_500);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aDroppedConnectionIsAnIoErrorForARawClient() {
        // given
        AdtEmulator emulator = start(Faults.none().withDropRate(1.0));
        RawHttp http = new RawHttp(emulator);

        // when
        Throwable error = catchThrowable(() -> http.get("/models"));

        // then
        assertThat(error).isInstanceOf(IOException.class);
        assertThat(emulator.droppedConnections()).isPositive();
    }

    @Test
    void theSdkSeesADroppedConnectionAsAnIoError() {
        // given an SDK client that does not retry
        AdtEmulator emulator = start(Faults.none().withDropRate(1.0));
        DigitalTwinsClient client = new DigitalTwinsClientBuilder()
                .endpoint(emulator.endpoint().toString())
                .credential(request -> Mono.just(
                        new AccessToken("emulator", OffsetDateTime.now().plusHours(1))))
                .httpClient(new JdkHttpClientBuilder(
                                java.net.http.HttpClient.newBuilder().sslContext(emulator.trustingSslContext()))
                        .build())
                .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ZERO)))
                .buildClient();

        // when
        Throwable error = catchThrowable(() -> client.getDigitalTwin("a", BasicDigitalTwin.class));

        // then
        assertThat(error).hasRootCauseInstanceOf(IOException.class);
    }

    @Test
    void theSdkWithItsDefaultRetryPolicyRecoversFromSomeDroppedConnections() {
        // given a quarter of connections dropped; with this seed, one of the first ten requests
        AdtEmulator emulator = start(Faults.none().withDropRate(0.25).withSeed(24));
        DigitalTwinsClient client = SdkClients.sync(emulator);

        // when
        client.createModels(List.of(TestModels.ASSET_JSON));
        for (int i = 0; i < 6; i++) {
            client.createOrReplaceDigitalTwin("a" + i, asset("a" + i), BasicDigitalTwin.class);
        }

        // then
        assertThat(emulator.droppedConnections()).isPositive();
        assertThat(client.getDigitalTwin("a5", BasicDigitalTwin.class).getId()).isEqualTo("a5");
    }

    @Test
    void aRelationshipToAJustCreatedTwinIsRefusedThenAccepted() throws Exception {
        // given
        AdtEmulator emulator = start(Faults.none().withConsistencyDelay(CONSISTENCY_DELAY));
        DigitalTwinsClient client = SdkClients.sync(emulator);
        client.createModels(TestModels.all());
        client.createOrReplaceDigitalTwin("r1", room("r1"), BasicDigitalTwin.class);
        client.createOrReplaceDigitalTwin("r2", room("r2"), BasicDigitalTwin.class);
        BasicRelationship relationship = new BasicRelationship("next", "r1", "r2", "adjacentTo");

        // when
        assertAdtError(
                () -> client.createOrReplaceRelationship("r1", "next", relationship, BasicRelationship.class),
                404,
                "TargetTwinNotFound",
                "'r2'");
        retryUntilAccepted(
                () -> client.createOrReplaceRelationship("r1", "next", relationship, BasicRelationship.class));

        // then
        assertThat(client.getRelationship("r1", "next", BasicRelationship.class).getTargetId())
                .isEqualTo("r2");
    }

    @Test
    void deletingATwinRightAfterItsLastRelationshipIsRefusedThenAccepted() throws Exception {
        // given a graph saved by an emulator without faults, loaded by one with them
        Path snapshot = dir.resolve("snapshot.json");
        try (AdtEmulator plain = TestEmulators.builder().snapshotFile(snapshot).start()) {
            DigitalTwinsClient client = SdkClients.sync(plain);
            client.createModels(TestModels.all());
            client.createOrReplaceDigitalTwin("r1", room("r1"), BasicDigitalTwin.class);
            client.createOrReplaceDigitalTwin("r2", room("r2"), BasicDigitalTwin.class);
            client.createOrReplaceRelationship(
                    "r1", "next", new BasicRelationship("next", "r1", "r2", "adjacentTo"), BasicRelationship.class);
        }
        AdtEmulator emulator = start(TestEmulators.builder()
                .snapshotFile(snapshot)
                .faults(Faults.none().withConsistencyDelay(CONSISTENCY_DELAY)));
        DigitalTwinsClient client = SdkClients.sync(emulator);

        // when
        client.deleteRelationship("r1", "next");
        assertAdtError(() -> client.deleteDigitalTwin("r2"), 400, "RelationshipsNotDeleted", "'r2'");
        retryUntilAccepted(() -> client.deleteDigitalTwin("r2"));

        // then
        assertAdtError(() -> client.getDigitalTwin("r2", BasicDigitalTwin.class), 404, "DigitalTwinNotFound");
    }

    @Test
    void anEmulatorInjectsNoFaultsUnlessAsked() {
        assertThat(start(TestEmulators.builder()).faults()).isEqualTo(Faults.none());
    }

    private AdtEmulator start(Faults faults) {
        return start(TestEmulators.builder().faults(faults));
    }

    private AdtEmulator start(AdtEmulator.Builder builder) {
        AdtEmulator emulator = builder.start();
        emulators.add(emulator);
        return emulator;
    }

    private static List<Integer> statusesOf40Reads(AdtEmulator emulator) throws Exception {
        RawHttp http = new RawHttp(emulator);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(http.get("/models").statusCode());
        }
        return statuses;
    }

    /** Repeats a refused call every 100 ms until it succeeds; answers how many times it was refused. */
    private static int retryUntilAccepted(Runnable call) throws InterruptedException {
        long giveUp = System.nanoTime() + CONSISTENCY_DELAY.multipliedBy(5).toNanos();
        int refusals = 0;
        while (true) {
            try {
                call.run();
                return refusals;
            } catch (com.azure.core.exception.HttpResponseException refused) {
                refusals++;
                if (System.nanoTime() > giveUp) {
                    throw new AssertionError("Still refused after " + refusals + " tries", refused);
                }
                Thread.sleep(100);
            }
        }
    }

    private static BasicDigitalTwin room(String id) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.ROOM));
    }

    private static BasicDigitalTwin asset(String id) {
        return new BasicDigitalTwin(id).setMetadata(new BasicDigitalTwinMetadata().setModelId(TestModels.ASSET));
    }
}
