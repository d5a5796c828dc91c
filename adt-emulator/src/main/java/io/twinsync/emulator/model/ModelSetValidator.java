package io.twinsync.emulator.model;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a batch of new interfaces against each other and the models already uploaded, as ADT does before it
 * accepts any of them: every referenced interface and named schema must exist, {@code extends} must not loop, and
 * an interface must not redeclare a content name it inherits.
 */
public final class ModelSetValidator {

    private ModelSetValidator() {}

    /**
     * @param batch the interfaces of one upload
     * @param combined the catalog of existing and new interfaces together
     */
    public static void validate(List<DtdlInterface> batch, ModelCatalog combined) {
        for (DtdlInterface model : batch) {
            Set<String> missing = new TreeSet<>();
            for (String reference : model.interfaceReferences()) {
                if (combined.find(reference).isEmpty()) {
                    missing.add(reference);
                }
            }
            for (String reference : model.schemaReferences()) {
                if (combined.namedSchema(reference).isEmpty()
                        && !model.namedSchemas().containsKey(reference)) {
                    missing.add(reference);
                }
            }
            if (!missing.isEmpty()) {
                throw new AdtException(
                        AdtError.DTDL_PARSER_ERROR,
                        "Model " + model.id() + " references " + missing
                                + ", which are neither in this request nor already uploaded. Upload them in the same"
                                + " request or first.");
            }
        }
        for (DtdlInterface model : batch) {
            checkNoCycle(model, combined);
            checkNoInheritedClash(model, combined);
        }
    }

    private static void checkNoCycle(DtdlInterface model, ModelCatalog catalog) {
        List<String> path = new ArrayList<>();
        walk(model.id(), catalog, path, model.id());
    }

    private static void walk(String id, ModelCatalog catalog, List<String> path, String start) {
        if (path.contains(id)) {
            throw new AdtException(
                    AdtError.DTDL_PARSER_ERROR, "Model " + start + " extends itself through " + path + " -> " + id);
        }
        path.add(id);
        for (String parent : catalog.find(id).map(DtdlInterface::extendsIds).orElse(List.of())) {
            walk(parent, catalog, path, start);
        }
        path.remove(path.size() - 1);
    }

    private static void checkNoInheritedClash(DtdlInterface model, ModelCatalog catalog) {
        Map<String, String> declaredBy = new HashMap<>();
        for (DtdlInterface each : catalog.lineage(model.id())) {
            for (String name : each.ownContentNames()) {
                String previous = declaredBy.putIfAbsent(name, each.id());
                if (previous != null && !previous.equals(each.id())) {
                    throw new AdtException(
                            AdtError.DTDL_PARSER_ERROR,
                            "Model " + model.id() + ": content '" + name + "' is declared by both " + previous + " and "
                                    + each.id() + " in its extends chain");
                }
            }
        }
    }
}
