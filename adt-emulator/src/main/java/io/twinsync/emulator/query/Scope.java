package io.twinsync.emulator.query;

import io.twinsync.emulator.query.Operand.PropertyPath;
import io.twinsync.emulator.query.Query.Collection;
import io.twinsync.emulator.query.Query.Join;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The collection names a query declares (the FROM collection, a JOIN's twins and relationships) and how a path
 * resolves against them. A path starting with a declared name refers to that collection; in a query over a single
 * collection any other path is a property of it; in a JOIN query every path must name its collection.
 */
final class Scope {

    /** The binding name of a FROM collection that has no name. */
    static final String UNNAMED = "";

    enum Kind {
        TWIN,
        RELATIONSHIP
    }

    /** A path resolved to the collection it reads and the segments to follow inside its document. */
    record Resolved(String binding, List<String> rest) {
        boolean isWholeCollection() {
            return rest.isEmpty();
        }
    }

    private final Map<String, Kind> bindings = new LinkedHashMap<>();
    private final String root;
    private final Optional<Join> join;

    private Scope(Query query) {
        root = query.source().alias().orElse(UNNAMED);
        bindings.put(root, query.source().collection() == Collection.DIGITALTWINS ? Kind.TWIN : Kind.RELATIONSHIP);
        join = query.joins().stream().findFirst();
        join.ifPresent(j -> {
            declare(j.target(), Kind.TWIN, j.position());
            j.relationshipAlias().ifPresent(alias -> declare(alias, Kind.RELATIONSHIP, j.position()));
        });
    }

    /** The scope of a query with at most one JOIN (the validator refuses more before asking). */
    static Scope of(Query query) {
        return new Scope(query);
    }

    private void declare(String name, Kind kind, int position) {
        for (String existing : bindings.keySet()) {
            if (existing.equalsIgnoreCase(name)) {
                throw QueryErrors.invalid(position, "the collection name '" + name + "' is declared twice");
            }
        }
        bindings.put(name, kind);
    }

    String root() {
        return root;
    }

    Optional<Join> join() {
        return join;
    }

    boolean isDeclared(String name) {
        return !name.equals(UNNAMED) && bindings.containsKey(name);
    }

    Kind kind(String binding) {
        return bindings.get(binding);
    }

    Resolved resolve(PropertyPath path) {
        String first = path.first();
        if (isDeclared(first)) {
            return new Resolved(
                    first, path.segments().subList(1, path.segments().size()));
        }
        for (String name : bindings.keySet()) {
            if (!name.equals(UNNAMED) && name.equalsIgnoreCase(first)) {
                throw QueryErrors.unsupported(
                        path.position(),
                        "'" + first + "' differs from the collection name '" + name + "' only by case; write it"
                                + " exactly as declared");
            }
        }
        if (join.isPresent()) {
            throw QueryErrors.invalid(
                    path.position(),
                    "'" + path.text() + "' does not start with a collection name; in a JOIN query write"
                            + " <collection>.<property>, using one of " + declaredNames());
        }
        return new Resolved(root, path.segments());
    }

    private List<String> declaredNames() {
        return bindings.keySet().stream().filter(name -> !name.equals(UNNAMED)).toList();
    }
}
