package io.twinsync.transform.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.json.StagingJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonSizeBoundTests {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void theBoundIsNeverBelowTheWrittenSizeOfHostileValues() throws Exception {
        // given values that write long: escapes, control characters, non-BMP text, extreme numbers
        List<Object> values = List.of(
                "plain",
                "\"quoted\\\" and \\ back",
                "\u0000\u0001\u001f tab\t line\n",
                "\u00e9t\u00e9 \u4e2d\u6587 \ud83d\ude00",
                "\ud800 lone",
                new BigDecimal("1E-1000"),
                new BigDecimal("-12345678901234567890.000000000000000001"),
                new BigDecimal("1E+400"),
                Long.MIN_VALUE,
                -1.2345678901234567E-300,
                Double.MAX_VALUE,
                -Float.MIN_VALUE,
                new BigInteger("-123456789012345678901234567890123456789"),
                true,
                false);
        ObjectNode document = NODES.objectNode();
        ArrayNode array = document.putArray("\u0007array \"name\"");
        for (int i = 0; i < values.size(); i++) {
            ObjectNode single = NODES.objectNode();
            single.set("v" + i, StagingJson.mapper().valueToTree(values.get(i)));
            array.add(single.get("v" + i));
            document.set("field \u2028" + i, single);

            // then each alone, and all together, are bounded
            assertBounded(single);
        }
        document.putNull("nothing");
        assertBounded(document);
    }

    @Test
    void theBoundHoldsForRandomDocuments() throws Exception {
        Random random = new Random(42);
        for (int n = 0; n < 500; n++) {
            ObjectNode document = NODES.objectNode();
            for (int f = 0; f < random.nextInt(20); f++) {
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < random.nextInt(40); c++) {
                    text.append((char) random.nextInt(0x3000));
                }
                switch (random.nextInt(4)) {
                    case 0 -> document.put(text.toString(), text.toString());
                    case 1 ->
                        document.put(
                                "n" + f,
                                new BigDecimal(random.nextGaussian() * 1e6)
                                        .setScale(random.nextInt(12) - 4, java.math.RoundingMode.HALF_UP));
                    case 2 -> document.put("d" + f, random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
                    default -> document.put("l" + f, random.nextLong());
                }
            }
            assertBounded(document);
        }
    }

    @Test
    void aTypicalTwinIsFarUnderTheLimitByTheBound() {
        // given a twin of thirty short properties
        ObjectNode twin = NODES.objectNode();
        twin.put("$dtId", "asset-PMP-0001");
        twin.putObject("$metadata").put("$model", "dtmi:twinsync:sample:Equipment;1");
        for (int i = 0; i < 30; i++) {
            twin.put("property" + i, "a value of some forty characters or so..");
        }

        // then the bound alone shows it fits, with no need to write it
        assertThat(JsonSizeBound.atMost(twin)).isLessThan(AdtLimits.MAX_DOCUMENT_BYTES);
    }

    private static void assertBounded(ObjectNode document) throws Exception {
        int written = StagingJson.mapper().writeValueAsBytes(document).length;
        assertThat(JsonSizeBound.atMost(document)).as(document.toString()).isGreaterThanOrEqualTo(written);
    }
}
