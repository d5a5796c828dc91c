package io.twinsync.dtdl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic types (such as {@code Temperature}), the unit type each one takes and the units of that type: the "Semantic
 * Type" chart of the DTDL v2 specification, and the chart of the QuantitativeTypes v1 extension that carries them into
 * DTDL v3. Read from tab-separated copies of those charts under {@code vocabulary/}.
 */
final class SemanticTypes {

    static final SemanticTypes V2 = load("semantic-types.v2.tsv");
    static final SemanticTypes QUANTITATIVE_TYPES_V1 = load("semantic-types.quantitativeTypes.v1.tsv");

    private final Map<String, String> unitTypeBySemanticType;
    private final Map<String, Set<String>> unitsByUnitType;

    private SemanticTypes(Map<String, String> unitTypeBySemanticType, Map<String, Set<String>> unitsByUnitType) {
        this.unitTypeBySemanticType = Collections.unmodifiableMap(unitTypeBySemanticType);
        this.unitsByUnitType = Collections.unmodifiableMap(unitsByUnitType);
    }

    boolean isSemanticType(String term) {
        return unitTypeBySemanticType.containsKey(term);
    }

    Set<String> semanticTypes() {
        return unitTypeBySemanticType.keySet();
    }

    String unitType(String semanticType) {
        return unitTypeBySemanticType.get(semanticType);
    }

    /** The units a semantic type accepts in {@code unit}. */
    Set<String> units(String semanticType) {
        return unitsByUnitType.getOrDefault(unitTypeBySemanticType.get(semanticType), Set.of());
    }

    private static SemanticTypes load(String resource) {
        Map<String, String> unitTypes = new LinkedHashMap<>();
        Map<String, Set<String>> units = new LinkedHashMap<>();
        try (InputStream in = SemanticTypes.class.getResourceAsStream("vocabulary/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("The DTDL resource vocabulary/" + resource + " is missing");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                unitTypes.put(cells[0], cells[1]);
                units.put(cells[1], Set.copyOf(List.of(cells[2].split(" "))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the DTDL resource " + resource, e);
        }
        return new SemanticTypes(unitTypes, units);
    }
}
