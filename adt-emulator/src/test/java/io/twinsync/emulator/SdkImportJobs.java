package io.twinsync.emulator;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.digitaltwins.core.implementation.AzureDigitalTwinsAPIImplBuilder;
import com.azure.digitaltwins.core.implementation.ImportJobsImpl;
import com.azure.digitaltwins.core.implementation.models.ImportJob;
import com.azure.digitaltwins.core.implementation.models.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The import-jobs client generated inside azure-digitaltwins-core (its public API has none), pointed at an
 * emulator: it proves the emulator's job JSON is what the SDK's own model classes read.
 */
final class SdkImportJobs {

    private static final Set<Status> ACTIVE = Set.of(Status.NOTSTARTED, Status.RUNNING, Status.CANCELLING);

    private final ImportJobsImpl jobs;

    SdkImportJobs(AdtEmulator emulator) {
        TokenCredential anyToken = request ->
                Mono.just(new AccessToken("emulator", OffsetDateTime.now().plusHours(1)));
        this.jobs = new AzureDigitalTwinsAPIImplBuilder()
                .host(emulator.endpoint().toString())
                .apiVersion("2023-10-31")
                .credential(anyToken)
                .httpClient(new JdkHttpClientBuilder(
                                java.net.http.HttpClient.newBuilder().sslContext(emulator.trustingSslContext()))
                        .build())
                .buildClient()
                .getImportJobs();
    }

    ImportJobsImpl api() {
        return jobs;
    }

    ImportJob create(String id, String inputBlobUri, String outputBlobUri) {
        return jobs.addAsync(id, new ImportJob(inputBlobUri, outputBlobUri), null)
                .block();
    }

    ImportJob get(String id) {
        return jobs.getByIdAsync(id, null).block();
    }

    /** Polls until the job has ended (succeeded, failed or cancelled); jobs on small files end in milliseconds. */
    ImportJob awaitEnd(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ImportJob job = get(id);
        while (ACTIVE.contains(job.getStatus())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Import job '" + id + "' is still " + job.getStatus() + " after 30 s");
            }
            sleep();
            job = get(id);
        }
        return job;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for an import job", e);
        }
    }
}
