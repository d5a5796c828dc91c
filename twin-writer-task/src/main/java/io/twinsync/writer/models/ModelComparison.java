package io.twinsync.writer.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.ModelDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Local models against the ones a target holds. ADT models are immutable: a local model the target holds with other
 * content cannot be uploaded again, and twins written against it would be checked against the old content.
 *
 * @param toUpload local models the target does not hold, in the order given
 * @param same local models the target holds with the same content
 * @param differing local models the target holds with other content, with where they differ
 * @param onlyInTarget models the target holds that are not among the local ones, in id order
 * @param decommissioned local models the target holds decommissioned (no new twins of them can be created)
 */
public record ModelComparison(
        List<String> toUpload,
        List<String> same,
        List<Difference> differing,
        List<String> onlyInTarget,
        List<String> decommissioned) {

    public ModelComparison {
        toUpload = List.copyOf(toUpload);
        same = List.copyOf(same);
        differing = List.copyOf(differing);
        onlyInTarget = List.copyOf(onlyInTarget);
        decommissioned = List.copyOf(decommissioned);
    }

    /**
     * A model whose local content is not what the target holds.
     *
     * @param paths where they differ, as JSON Pointers into the model (see {@link ModelDocuments#differences})
     */
    public record Difference(String id, List<String> paths) {

        public Difference {
            paths = List.copyOf(paths);
        }

        /** The paths for a message, at most five of them. */
        public String describePaths() {
            return paths.size() <= 5
                    ? String.join(", ", paths)
                    : String.join(", ", paths.subList(0, 5)) + " and " + (paths.size() - 5) + " more";
        }
    }

    public static ModelComparison compare(List<ObjectNode> local, List<TargetModel> target) {
        Map<String, TargetModel> held = new LinkedHashMap<>();
        target.forEach(model -> held.put(model.id(), model));
        List<String> toUpload = new ArrayList<>();
        List<String> same = new ArrayList<>();
        List<Difference> differing = new ArrayList<>();
        List<String> decommissioned = new ArrayList<>();
        Set<String> localIds = new TreeSet<>();
        for (ObjectNode model : local) {
            String id = model.path("@id").asText();
            localIds.add(id);
            TargetModel there = held.get(id);
            if (there == null) {
                toUpload.add(id);
                continue;
            }
            List<String> paths = ModelDocuments.differences(there.definition(), model);
            if (paths.isEmpty()) {
                same.add(id);
            } else {
                differing.add(new Difference(id, paths));
            }
            if (there.decommissioned()) {
                decommissioned.add(id);
            }
        }
        List<String> onlyInTarget = new ArrayList<>(new TreeSet<>(held.keySet()));
        onlyInTarget.removeAll(localIds);
        return new ModelComparison(toUpload, same, differing, onlyInTarget, decommissioned);
    }

    /** What to do about models the target holds with other content, for messages. */
    public static String advice() {
        return "ADT models cannot change once uploaded: give the changed model a new version (its DTMI's ';N') and"
                + " use that, or, if no twin and no other model uses the old one, delete it from the instance"
                + " (decommission it first to stop new twins of it) and upload again";
    }
}
