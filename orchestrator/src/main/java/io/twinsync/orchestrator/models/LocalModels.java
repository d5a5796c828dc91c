package io.twinsync.orchestrator.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.twinsync.dtdl.DtdlReader;
import io.twinsync.dtdl.ModelSet;
import io.twinsync.dtdl.files.ModelFiles;
import io.twinsync.transform.mapping.Mapping;
import io.twinsync.transform.mapping.MissingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The models a command works with: the mapping's (every file its {@code models} lists), or the files, folders and
 * globs a user gives on the command line.
 *
 * @param description where they come from, for output
 * @param models what was read
 * @param problems what is wrong with them, each once; a reference to something they do not define is not among these
 * @param missing interfaces they refer to but do not define, with advice (the file that would provide them, if one was
 *     found); the target may hold them
 */
public record LocalModels(String description, ModelSet models, List<String> problems, Map<String, String> missing) {

    public LocalModels {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(models, "models");
        problems = List.copyOf(problems);
        missing = new LinkedHashMap<>(missing);
    }

    /** The mapping's models; the mapping loader has already refused any problem but missing references. */
    public static LocalModels of(Mapping mapping) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (MissingModel model : mapping.missingModels().values()) {
            missing.put(model.id(), "needed by " + String.join(", ", model.neededBy()) + "; " + model.advice());
        }
        return new LocalModels("the models of " + mapping.source(), mapping.models(), List.of(), missing);
    }

    /** The models in these files, folders and globs, relative to {@code base}. */
    public static LocalModels of(Path base, List<String> entries) {
        ModelFiles.Found found = ModelFiles.find(base, entries, "models");
        DtdlReader.Result read;
        try {
            read = DtdlReader.forService().read(ModelFiles.read(base, found.files()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>(found.problems());
        read.problems().stream()
                .filter(problem -> !problem.isMissingReference())
                .forEach(problem -> problems.add(problem.toString()));
        Map<String, String> missing = new LinkedHashMap<>();
        read.models()
                .unresolvedReferences()
                .forEach((id, neededBy) -> missing.put(
                        id,
                        "needed by "
                                + neededBy.stream()
                                        .map(needer -> needer
                                                + read.models()
                                                        .find(needer)
                                                        .map(definition -> " (" + definition.source() + ")")
                                                        .orElse(""))
                                        .collect(Collectors.joining(", "))));
        return new LocalModels(
                found.files().size() + " model files (" + String.join(", ", entries) + ")",
                read.models(),
                problems,
                missing);
    }

    /** The model documents, each after what it extends or uses as a component. */
    public List<ObjectNode> documents() {
        return models.documents();
    }
}
