package io.twinsync.transform.importfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import io.twinsync.staging.twin.TwinFile;
import io.twinsync.staging.twin.TwinFileCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a transformed batch as one ADT Import Jobs file ({@link #IMPORT_FILE}), for first loads through the bulk
 * import API: a header, the models of {@code models.json} in its order (each after the interfaces it extends), every
 * twin of {@code twins/}, then every relationship. Tombstoned twins are left out with their relationships, and
 * counted.
 *
 * <p>Streams: the twin files are read one at a time, twice (twins, then relationships, since every twin must come
 * before the relationships); only their paths are held in memory. The file appears only when complete, replacing an
 * earlier one. Reusable and thread-safe.
 */
public final class ImportFileWriter {

    /** The import file's path in the batch. */
    public static final String IMPORT_FILE = "import/import.ndjson";

    /** The header's {@code fileVersion}: the only version of the format. */
    public static final String FILE_VERSION = "1.0.0";

    /** The header's {@code author}. */
    public static final String AUTHOR = "twinsync";

    private static final Logger log = LoggerFactory.getLogger(ImportFileWriter.class);

    private final String organization;

    /** @param organization the header's {@code organization}, free text such as the company or team name */
    public ImportFileWriter(String organization) {
        this.organization = Objects.requireNonNull(organization, "organization");
    }

    /**
     * Writes the batch's import file.
     *
     * @return what the file holds
     * @throws StagingException when a batch file cannot be read (or is not a valid twin file or models array), or
     *     the import file cannot be written; no import file is published then
     */
    public ImportFileSummary write(Batch batch) {
        List<String> twinFiles = batch.list(BatchLayout.TWINS);
        try (StagedOutput out = batch.create(IMPORT_FILE)) {
            NdjsonSectionWriter lines = new NdjsonSectionWriter(out);
            lines.line(ImportSection.HEADER, header());
            long models = writeModels(batch, lines);
            long twins = 0;
            long tombstones = 0;
            for (String path : twinFiles) {
                TwinFile file = read(batch, path);
                if (file.tombstone()) {
                    tombstones++;
                } else {
                    lines.line(ImportSection.TWINS, ImportLines.twin(file.twin()));
                    twins++;
                }
            }
            long relationships = 0;
            for (String path : twinFiles) {
                TwinFile file = read(batch, path);
                if (!file.tombstone()) {
                    for (ObjectNode relationship : file.relationships()) {
                        lines.line(ImportSection.RELATIONSHIPS, ImportLines.relationship(file.twinId(), relationship));
                        relationships++;
                    }
                }
            }
            out.commit();
            ImportFileSummary summary = new ImportFileSummary(IMPORT_FILE, models, twins, relationships, tombstones);
            log.info(
                    "Batch {}: wrote {} with {} models, {} twins, {} relationships; {} tombstones left out",
                    batch.id(),
                    IMPORT_FILE,
                    models,
                    twins,
                    relationships,
                    tombstones);
            return summary;
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot write " + IMPORT_FILE + " in batch " + batch.id() + ": " + e.getMessage()
                            + "; no import file was published",
                    e);
        }
    }

    private ObjectNode header() {
        return StagingJson.mapper()
                .createObjectNode()
                .put("fileVersion", FILE_VERSION)
                .put("author", AUTHOR)
                .put("organization", organization);
    }

    /** Copies {@code models.json} one interface at a time; a batch without it gets no Models section. */
    private static long writeModels(Batch batch, NdjsonSectionWriter lines) throws IOException {
        if (!batch.exists(BatchLayout.MODELS)) {
            log.warn(
                    "Batch {} has no {}; the import file has no Models section, so the models must already be in"
                            + " the instance",
                    batch.id(),
                    BatchLayout.MODELS);
            return 0;
        }
        long models = 0;
        try (InputStream in = batch.open(BatchLayout.MODELS);
                JsonParser parser = StagingJson.mapper().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw notAModelArray(batch, parser);
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    throw notAModelArray(batch, parser);
                }
                JsonNode model = StagingJson.mapper().readTree(parser);
                lines.line(ImportSection.MODELS, model);
                models++;
            }
        }
        return models;
    }

    private static StagingException notAModelArray(Batch batch, JsonParser parser) {
        return new StagingException(batch.location() + "/" + BatchLayout.MODELS
                + " is not a JSON array of DTDL interfaces (found " + parser.currentToken() + " at line "
                + parser.currentLocation().getLineNr() + "); re-run transform for batch " + batch.id());
    }

    private static TwinFile read(Batch batch, String path) {
        try (InputStream in = batch.open(path)) {
            return TwinFileCodec.read(in, batch.location() + "/" + path);
        } catch (IOException e) {
            throw new StagingException("Cannot read " + path + " in batch " + batch.id() + ": " + e.getMessage(), e);
        }
    }
}
