package io.twinsync.orchestrator.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.twinsync.staging.Batch;
import io.twinsync.staging.BatchLayout;
import io.twinsync.staging.StagedFolder;
import io.twinsync.staging.StagedOutput;
import io.twinsync.staging.StagingException;
import io.twinsync.staging.json.StagingJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * The twin files a replay writes again, copied from the replayed batch into the replay's own: all of them, or with
 * {@code failedOnly} those of the twins that failed in the replayed batch's results or whose relationship did. The
 * replay also gets the batch's {@code models.json} and {@code scope.json}, so it stands on its own as a batch does.
 */
public final class ReplayFiles {

    private static final String FAILED = "failed";

    private ReplayFiles() {}

    /** The paths of the twin files to replay, sorted. */
    public static List<String> select(Batch original, boolean failedOnly) {
        List<String> twinFiles = original.list(BatchLayout.TWINS).stream()
                .filter(path -> path.endsWith(".json"))
                .toList();
        if (!failedOnly) {
            return twinFiles;
        }
        TreeSet<String> failed = failedTwinFiles(original);
        return twinFiles.stream().filter(failed::contains).toList();
    }

    /** Copies the selected twin files, and the models and scope, into {@code replay}; returns how many twin files. */
    public static int copy(Batch original, Batch replay, boolean failedOnly) {
        List<String> paths = select(original, failedOnly);
        try (StagedFolder twins = replay.createFolder(BatchLayout.TWINS)) {
            for (String path : paths) {
                try (InputStream in = original.open(path);
                        StagedOutput out = twins.createNew(path.substring(BatchLayout.TWINS.length()))
                                .orElseThrow()) {
                    in.transferTo(out);
                    out.commit();
                }
            }
            twins.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot copy the twin files of batch " + original.id() + " to " + replay.id() + ": "
                            + e.getMessage(),
                    e);
        }
        for (String file : List.of(BatchLayout.MODELS, BatchLayout.SCOPE)) {
            if (original.exists(file)) {
                copyFile(original, replay, file);
            }
        }
        return paths.size();
    }

    /**
     * The twin files whose twin, or one of whose relationships, failed: from every partition's results. A line of
     * a twin file that could not be read names the file itself.
     */
    private static TreeSet<String> failedTwinFiles(Batch original) {
        TreeSet<String> paths = new TreeSet<>();
        for (String results : original.list(BatchLayout.RESULTS)) {
            if (!results.endsWith(".ndjson")) {
                continue; // the partitions' summaries
            }
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(original.open(results), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode result = StagingJson.mapper().readTree(line);
                    if (!FAILED.equals(result.path("action").asText())) {
                        continue;
                    }
                    String twinId = result.path("twinId").asText(null);
                    String id = result.path("id").asText("");
                    if (twinId != null) {
                        paths.add(BatchLayout.twinFile(twinId));
                    } else if (id.startsWith(BatchLayout.TWINS)) {
                        paths.add(id);
                    }
                }
            } catch (IOException e) {
                throw new StagingException(
                        "Cannot read " + results + " of batch " + original.id() + " (" + original.location() + "): "
                                + e.getMessage(),
                        e);
            }
        }
        return paths;
    }

    private static void copyFile(Batch original, Batch replay, String path) {
        try (InputStream in = original.open(path);
                StagedOutput out = replay.create(path)) {
            in.transferTo(out);
            out.commit();
        } catch (IOException e) {
            throw new StagingException(
                    "Cannot copy " + path + " of batch " + original.id() + " to " + replay.id() + ": " + e.getMessage(),
                    e);
        }
    }
}
