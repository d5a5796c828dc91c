package io.twinsync.transform.mapping;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An interface that models listed under a mapping's {@code models} refer to (in {@code extends}, a component's
 * {@code schema}, or a schema) but that no listed file defines, and that the mapping's own entities do not need. It
 * is no problem of the mapping: the target instance may already hold it. Uploading the listed models to an instance
 * that does not hold it fails, so whoever uploads them checks these against the instance first.
 *
 * <p>A missing interface that an entity needs (its twin model, and what that model extends or uses as a component,
 * transitively) is a mapping problem instead, since transform needs it to type the twin's properties. Relationship
 * targets are never missing: DTDL refers to them "by reference", and ADT accepts a model whose targets it does not
 * hold.
 *
 * @param id the missing interface's DTMI
 * @param neededBy the listed interfaces that refer to it, in id order
 * @param candidates files near the mapping that define it (its folder and the folders of the listed files, searched
 *     up to a bound), in path order; empty when none was found or the mapping is on the classpath
 * @param advice what would provide it, in words: the file to add to {@code models}, or where no file was found
 */
public record MissingModel(String id, Set<String> neededBy, List<Path> candidates, String advice) {

    public MissingModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(advice, "advice");
        neededBy = Collections.unmodifiableSortedSet(new TreeSet<>(neededBy));
        candidates = List.copyOf(candidates);
    }
}
