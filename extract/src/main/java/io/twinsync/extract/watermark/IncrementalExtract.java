package io.twinsync.extract.watermark;

import io.twinsync.staging.manifest.ExtractSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an extract with watermarks did.
 *
 * @param summary rows staged per entity, as for a full extract
 * @param reads how each entity was read, by entity name
 * @param pending the watermarks written into the batch ({@link WatermarkStore#BATCH_FILE}); they take effect only
 *     when {@link WatermarkStore#commit} is called after the batch was written
 */
public record IncrementalExtract(ExtractSummary summary, Map<String, ReadKind> reads, Watermarks pending) {

    public IncrementalExtract {
        reads = Collections.unmodifiableMap(new LinkedHashMap<>(reads));
    }
}
