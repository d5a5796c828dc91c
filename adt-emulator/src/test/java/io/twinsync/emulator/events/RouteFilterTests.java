package io.twinsync.emulator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The route filter language: what parses, where a parse fails, and which notifications pass. */
class RouteFilterTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Notification CREATE = new Notification(
            NotificationType.TWIN_CREATE,
            "6ccdb1cd-0dc3-450f-8730-ceccda8439be",
            "adt.example.net",
            "room-1",
            Instant.parse("2021-12-09T20:28:52.6745538Z"),
            null,
            "00-2aa957558db348f387ef704b37631a1d-96f834571bf4fe45-01",
            json("{\"$dtId\": \"room-1\", \"temperature\": 21.5, \"poweredOn\": true, \"label\": null,"
                    + " \"tags\": [\"a\"], \"$metadata\": {\"$model\": \"dtmi:example:com:floor4;2\"}}"));

    private static final Notification TELEMETRY = new Notification(
            NotificationType.TELEMETRY,
            "m-1",
            "adt.example.net/digitaltwins/room-1",
            "hvac",
            null,
            "dtmi:example:Hvac;1",
            "00-2aa957558db348f387ef704b37631a1d-96f834571bf4fe46-01",
            json("{\"errorCode\": 201}"));

    @Test
    void theRecordedMalformedFilterIsRefusedWithTheServicesExactMessage() {
        AdtException error = refused("this is not a valid filter");

        assertThat(error.error()).isEqualTo(AdtError.EVENT_ROUTE_FILTER_INVALID);
        assertThat(error.getMessage())
                .isEqualTo("The provided filter is invalid. Parsing error, Line=1, Position=6, Message=Unexpected"
                        + " input 'is'. See event route documentation for supported values and structure"
                        + " (https://aka.ms/ADTv2Routes).");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "type =|Line=1, Position=7, Message=Unexpected end of input",
                "type = 'x' AND AND|Line=1, Position=16, Message=Unexpected input 'AND'",
                "(type = 'x'|Line=1, Position=12, Message=Unexpected end of input",
                "type = 'x|Line=1, Position=8, Message=Unterminated string",
                "UPPER(subject, 'x')|Line=1, Position=1, Message=Unknown function 'UPPER'; filters offer STARTS_WITH,"
                        + " ENDS_WITH and CONTAINS",
                "type = \"x\"|Line=1, Position=8, Message=Unexpected input '\"'",
                "type <> 'x'|Line=1, Position=7, Message=Unexpected input '>'",
                "subject|Line=1, Position=8, Message=Unexpected end of input"
            })
    void aFilterThatDoesNotParseSaysWhereAndWhy(String filter, String where) {
        assertThat(refused(filter).getMessage()).contains("Parsing error, " + where + ".");
    }

    @Test
    void positionsCountFromTheStartOfTheirLine() {
        assertThat(refused("type = 'x'\n  OR OR").getMessage()).contains("Line=2, Position=6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMissingFilterIsRefusedWithAHint(String filter) {
        AdtException error = refused(filter);

        assertThat(error.error()).isEqualTo(AdtError.EVENT_ROUTE_FILTER_INVALID);
        assertThat(error.getMessage()).contains("\"filter\": \"true\"");
    }

    @Test
    void trueAndFalseLetEverythingOrNothingThroughInAnyCase() {
        assertThat(matches("true", CREATE)).isTrue();
        assertThat(matches("TRUE", TELEMETRY)).isTrue();
        assertThat(matches("false", CREATE)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "type = 'Microsoft.DigitalTwins.Twin.Create'|true|false",
                "type = 'microsoft.digitaltwins.twin.create'|false|false",
                "type != 'microsoft.iot.telemetry'|true|false",
                "source = 'adt.example.net'|true|false",
                "subject = 'room-1'|true|false",
                "subject = 'hvac'|false|true",
                "id = 'm-1'|false|true",
                "dataschema = 'dtmi:example:Hvac;1'|false|true",
                "dataschema != 'x'|false|true",
                "datacontenttype = 'application/json'|true|true",
                "specversion = '1.0'|true|true",
                "time >= '2021-01-01'|true|false",
                "traceparent != ''|true|true",
                "$eventType = 'DigitalTwinLifecycleNotification'|true|false",
                "$eventType = 'DigitalTwinTelemetryMessages'|false|true",
                "$body.$metadata.$model = 'dtmi:example:com:floor4;2'|true|false",
                "$body.temperature <= 21.5|true|false",
                "$body.temperature > 21.5|false|false",
                "$body.errorCode > 200|false|true",
                "$body.errorCode = 201.0|false|true",
                "$body.poweredOn = true|true|false",
                "$body.poweredOn != false|true|false",
                "$body.label = null|true|false",
                "$body.temperature != null|true|false",
                "$body.missing != null|false|false",
                "$body.missing = null|false|false",
                "$body.missing != 'x'|false|false",
                "$body.temperature != 'x'|false|false",
                "$body.poweredOn < true|false|false",
                "$body.tags.0 = 'a'|false|false",
                "Type = 'Microsoft.DigitalTwins.Twin.Create'|false|false",
                "STARTS_WITH($body.$metadata.$model, 'dtmi:example:com:floor')|true|false",
                "ENDS_WITH($body.$metadata.$model, 'floor4;2')|true|false",
                "CONTAINS(subject, 'oom')|true|false",
                "contains(source, 'digitaltwins/room-1')|false|true",
                "STARTS_WITH($body.temperature, '2')|false|false",
                "type = 'microsoft.iot.telemetry' OR type = 'Microsoft.DigitalTwins.Twin.Create'|true|true",
                "type = 'microsoft.iot.telemetry' and subject = 'hvac'|false|true",
                "subject = 'x' OR subject = 'room-1' AND type = 'microsoft.iot.telemetry'|false|false",
                "(subject = 'x' OR subject = 'room-1') AND type = 'Microsoft.DigitalTwins.Twin.Create'|true|false",
                "(type != 'microsoft.iot.telemetry' OR datacontenttype = 'application/json') OR (specversion != '1.0')|true|true"
            })
    void notificationsPassOrNotAsTheDocumentedLanguageSays(String filter, boolean create, boolean telemetry) {
        assertThat(matches(filter, CREATE)).as("%s on a twin create", filter).isEqualTo(create);
        assertThat(matches(filter, TELEMETRY)).as("%s on telemetry", filter).isEqualTo(telemetry);
    }

    @Test
    void theRecordedFilterOfTheSdkTestsParsesAndPicksLifecycleAndTelemetry() {
        String recorded =
                "$eventType = 'DigitalTwinTelemetryMessages' or $eventType = 'DigitalTwinLifecycleNotification'";

        assertThat(matches(recorded, CREATE)).isTrue();
        assertThat(matches(recorded, TELEMETRY)).isTrue();
    }

    @Test
    void namesNoNotificationCarriesAreReported() {
        RouteFilter filter = RouteFilter.parse("Type = 'x' OR type = 'y' OR $body.a = 1 OR colour = 'red'");

        assertThat(filter.unknownNames()).containsExactly("Type", "colour");
    }

    @Test
    void deeplyNestedParenthesesAreRefusedRatherThanOverflowingTheStack() {
        String filter = "(".repeat(FilterParser.MAX_DEPTH + 1) + "true" + ")".repeat(FilterParser.MAX_DEPTH + 1);

        assertThat(refused(filter).getMessage()).contains("nested deeper than " + FilterParser.MAX_DEPTH);
    }

    private static boolean matches(String filter, Notification notification) {
        return RouteFilter.parse(filter).matches(notification);
    }

    private static AdtException refused(String filter) {
        AdtException error = catchThrowableOfType(AdtException.class, () -> RouteFilter.parse(filter));
        assertThat(error).as("the filter %s should be refused", filter).isNotNull();
        return error;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
