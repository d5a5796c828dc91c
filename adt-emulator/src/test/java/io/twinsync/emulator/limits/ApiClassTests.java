package io.twinsync.emulator.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.emulator.http.Operation;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApiClassTests {

    @Test
    void twinAndRelationshipReadsAndListingsAreReads() {
        assertThat(classesOf(
                        Operation.TWINS_GET,
                        Operation.COMPONENTS_GET,
                        Operation.RELATIONSHIPS_GET,
                        Operation.RELATIONSHIPS_LIST,
                        Operation.RELATIONSHIPS_INCOMING))
                .containsOnly(ApiClass.TWIN_READS);
    }

    @Test
    void patchesOfTwinsComponentsAndRelationshipsArePatches() {
        assertThat(classesOf(Operation.TWINS_PATCH, Operation.COMPONENTS_PATCH, Operation.RELATIONSHIPS_PATCH))
                .containsOnly(ApiClass.TWIN_PATCHES);
    }

    @Test
    void putsAndDeletesOfTwinsAndRelationshipsAreCreatesAndDeletes() {
        assertThat(classesOf(
                        Operation.TWINS_PUT,
                        Operation.TWINS_DELETE,
                        Operation.RELATIONSHIPS_PUT,
                        Operation.RELATIONSHIPS_DELETE))
                .containsOnly(ApiClass.CREATES_DELETES);
    }

    @Test
    void everyModelOperationIsTheModelsApi() {
        assertThat(classesOf(Arrays.stream(Operation.values())
                        .filter(operation -> operation.kind().startsWith("models."))
                        .toArray(Operation[]::new)))
                .containsOnly(ApiClass.MODELS);
    }

    @Test
    void theQueryIsTheQueryApi() {
        assertThat(Arrays.stream(Operation.values())
                        .filter(operation -> operation.kind().startsWith("query"))
                        .map(ApiClass::of))
                .isNotEmpty()
                .allSatisfy(apiClass -> assertThat(apiClass).contains(ApiClass.QUERIES));
    }

    @Test
    void importJobOperationsAreTheJobsApi() {
        assertThat(Arrays.stream(Operation.values())
                        .filter(operation -> operation.kind().contains("jobs"))
                        .map(ApiClass::of))
                .isNotEmpty()
                .allSatisfy(apiClass -> assertThat(apiClass).contains(ApiClass.JOBS));
    }

    @Test
    void everyEventRouteOperationIsTheEventRoutesApi() {
        assertThat(classesOf(Arrays.stream(Operation.values())
                        .filter(operation -> operation.kind().startsWith("eventroutes."))
                        .toArray(Operation[]::new)))
                .containsOnly(ApiClass.EVENT_ROUTES);
    }

    @Test
    void telemetryIsNotLimitedSinceTheLimitsPageNamesNoLimitForIt() {
        assertThat(ApiClass.of(Operation.TELEMETRY_SEND)).isEmpty();
        assertThat(ApiClass.of(Operation.COMPONENT_TELEMETRY_SEND)).isEmpty();
    }

    @Test
    void everyAdtOperationButTelemetryCountsAgainstAClass() {
        assertThat(Arrays.stream(Operation.values())
                        .filter(operation -> operation != Operation.UNKNOWN && operation != Operation.NOT_IMPLEMENTED)
                        .filter(operation -> !operation.kind().endsWith(".telemetry"))
                        .filter(operation -> ApiClass.of(operation).isEmpty()))
                .isEmpty();
    }

    @Test
    void unknownAndUnsupportedRequestsAreNotLimited() {
        assertThat(ApiClass.of(Operation.UNKNOWN)).isEmpty();
        assertThat(ApiClass.of(Operation.NOT_IMPLEMENTED)).isEmpty();
    }

    @Test
    void exactlyTheTwinAndRelationshipWritesCountAgainstTheirTwin() {
        assertThat(Arrays.stream(Operation.values()).filter(ApiClass::countsAgainstTwin))
                .containsExactlyInAnyOrder(
                        Operation.TWINS_PUT,
                        Operation.TWINS_PATCH,
                        Operation.TWINS_DELETE,
                        Operation.COMPONENTS_PATCH,
                        Operation.RELATIONSHIPS_PUT,
                        Operation.RELATIONSHIPS_PATCH,
                        Operation.RELATIONSHIPS_DELETE);
    }

    private static ApiClass[] classesOf(Operation... operations) {
        return Arrays.stream(operations)
                .map(operation -> ApiClass.of(operation).orElseThrow())
                .toArray(ApiClass[]::new);
    }
}
