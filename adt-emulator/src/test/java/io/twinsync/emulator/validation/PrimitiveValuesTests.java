package io.twinsync.emulator.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.DtdlSource;
import io.twinsync.dtdl.ModelSet;
import io.twinsync.emulator.error.AdtException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every DTDL v2/v3 schema a property can have accepts a valid value and refuses an invalid one, via TwinValidator. */
class PrimitiveValuesTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "dtmi:x:Everything;1";
    private static final String[] PRIMITIVES = {
        "boolean", "date", "dateTime", "double", "duration", "float", "integer", "long", "string", "time"
    };
    private static final ModelSet CATALOG = catalog();

    @ParameterizedTest(name = "{0}: {1} is valid")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            boolean         | true
            date            | "2024-02-29"
            dateTime        | "2024-05-01T10:15:30Z"
            dateTime        | "2024-05-01T10:15:30.123+02:00"
            double          | 1.5e300
            duration        | "P1Y2M3DT4H5M6.5S"
            duration        | "P2W"
            duration        | "PT0.5S"
            float           | 2.5
            integer         | 2147483647
            long            | 9223372036854775807
            string          | "text"
            time            | "10:15:30"
            time            | "10:15:30.250Z"
            array           | [1, 2, 3]
            map             | {"a": 1, "b": 2}
            """)
    void acceptsAValidValue(String property, String valueJson) throws Exception {
        // given
        ObjectNode contents = contents(property, valueJson);

        // when / then
        assertThatCode(() -> TwinValidator.validate("t", MODEL, contents, CATALOG))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}: {1} is refused")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            boolean         | "true"
            date            | "2024-02-30"
            date            | "2024-2-3"
            dateTime        | "2024-05-01T10:15Z"
            dateTime        | "2024-05-01T10:15:30"
            double          | "1.5"
            duration        | "P1W2D"
            duration        | "P"
            duration        | "P1DT"
            float           | true
            integer         | 2147483648
            long            | 9223372036854775808
            string          | 12
            time            | "10:15"
            time            | "25:00:00"
            array           | [1, "two"]
            map             | {"a": "one"}
            """)
    void refusesAnInvalidValue(String property, String valueJson) throws Exception {
        // given
        ObjectNode contents = contents(property, valueJson);

        // when / then
        assertThatThrownBy(() -> TwinValidator.validate("t", MODEL, contents, CATALOG))
                .isInstanceOf(AdtException.class)
                .hasMessageContaining("'" + property);
    }

    private static ObjectNode contents(String property, String valueJson) throws IOException {
        ObjectNode contents = JSON.createObjectNode();
        contents.set(property, JSON.readTree(valueJson));
        return contents;
    }

    /** A DTDL v3 model with one property per primitive schema, named after it, plus an Array and a Map. */
    private static ModelSet catalog() {
        StringBuilder contents = new StringBuilder();
        for (String primitive : PRIMITIVES) {
            contents.append("{\"@type\": \"Property\", \"name\": \"")
                    .append(primitive)
                    .append("\", \"schema\": \"")
                    .append(primitive)
                    .append("\"},");
        }
        contents.append("{\"@type\": \"Property\", \"name\": \"array\","
                + " \"schema\": {\"@type\": \"Array\", \"elementSchema\": \"integer\"}},");
        contents.append("{\"@type\": \"Property\", \"name\": \"map\", \"schema\": {\"@type\": \"Map\","
                + " \"mapKey\": {\"name\": \"k\", \"schema\": \"string\"},"
                + " \"mapValue\": {\"name\": \"v\", \"schema\": \"integer\"}}}");
        try {
            JsonNode model = JSON.readTree("{\"@id\": \"" + MODEL + "\", \"@type\": \"Interface\","
                    + " \"@context\": \"dtmi:dtdl:context;3\", \"contents\": [" + contents + "]}");
            DtdlReader.Result read = DtdlReader.forService().read(List.of(DtdlSource.ofJson("Everything.json", model)));
            if (read.hasProblems()) {
                throw new IllegalStateException("The test model is not valid DTDL: " + read.problems());
            }
            return read.models();
        } catch (IOException e) {
            throw new IllegalStateException("The test model is not JSON", e);
        }
    }
}
