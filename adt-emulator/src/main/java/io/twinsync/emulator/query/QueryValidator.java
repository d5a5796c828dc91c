package io.twinsync.emulator.query;

import io.twinsync.emulator.query.Operand.Literal;
import io.twinsync.emulator.query.Operand.PropertyPath;
import io.twinsync.emulator.query.Query.Collection;
import io.twinsync.emulator.query.Query.Join;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a parsed query against the service's rules and the emulator's subset: names, one JOIN level with a
 * {@code $dtId} filter, no {@code SELECT *} with JOIN, IN lists of at most 50 values, at most 50 AND/OR.
 */
final class QueryValidator {

    /** ADT's limit on the values of one IN / NIN list. */
    static final int MAX_IN_VALUES = 50;

    /** ADT's limit on AND / OR operators in one query. */
    static final int MAX_LOGICAL_OPERATORS = 50;

    private QueryValidator() {}

    static QueryPlan plan(Query query) {
        checkJoins(query);
        Scope scope = Scope.of(query);
        checkSelection(query, scope);
        query.where().ifPresent(where -> {
            int operators = logicalOperators(where);
            if (operators > MAX_LOGICAL_OPERATORS) {
                throw QueryErrors.invalid("the query has " + operators + " AND/OR operators; ADT accepts at most "
                        + MAX_LOGICAL_OPERATORS);
            }
            check(where, scope);
        });
        scope.join().ifPresent(join -> requireDtIdFilter(query, scope, join));
        Optional<NavigableSet<String>> rootIds = query.source().collection() == Collection.DIGITALTWINS
                ? query.where().flatMap(where -> DtIdFilters.pinnedIds(where, scope, scope.root()))
                : Optional.empty();
        return new QueryPlan(query, scope, rootIds);
    }

    private static void checkJoins(Query query) {
        if (query.joins().isEmpty()) {
            return;
        }
        Join join = query.joins().get(0);
        if (query.joins().size() > 1) {
            throw QueryErrors.unsupported(
                    query.joins().get(1).position(),
                    "a second JOIN (the emulator evaluates one JOIN level; ADT allows up to 5)");
        }
        if (query.source().collection() == Collection.RELATIONSHIPS) {
            throw QueryErrors.invalid(join.position(), "JOIN cannot be combined with FROM RELATIONSHIPS");
        }
        String root = query.source()
                .alias()
                .orElseThrow(
                        () -> QueryErrors.invalid(
                                join.position(),
                                "a JOIN needs a name for the FROM collection, as in FROM DIGITALTWINS T JOIN CT RELATED T.contains"));
        if (!join.source().equals(root)) {
            throw QueryErrors.invalid(
                    join.position(),
                    "JOIN ... RELATED " + join.source() + "." + join.relationshipName() + " must start from the FROM"
                            + " collection '" + root + "'");
        }
    }

    private static void checkSelection(Query query, Scope scope) {
        if (query.selection() instanceof Selection.All && scope.join().isPresent()) {
            throw QueryErrors.invalid(
                    "SELECT * cannot be used with JOIN; select the collections instead, as in" + " SELECT T, CT");
        }
        if (query.selection() instanceof Selection.Columns columns) {
            Set<String> keys = new HashSet<>();
            for (PropertyPath column : columns.columns()) {
                Scope.Resolved resolved = scope.resolve(column);
                String key = resolved.isWholeCollection() ? resolved.binding() : column.last();
                if (!keys.add(key)) {
                    throw QueryErrors.unsupported(
                            column.position(), "two selected columns named '" + key + "' (their names would clash)");
                }
            }
        }
    }

    private static int logicalOperators(Condition condition) {
        if (condition instanceof Condition.And and) {
            return 1 + logicalOperators(and.left()) + logicalOperators(and.right());
        }
        if (condition instanceof Condition.Or or) {
            return 1 + logicalOperators(or.left()) + logicalOperators(or.right());
        }
        if (condition instanceof Condition.Not not) {
            return logicalOperators(not.operand());
        }
        return 0;
    }

    private static void check(Condition condition, Scope scope) {
        if (condition instanceof Condition.And and) {
            check(and.left(), scope);
            check(and.right(), scope);
        } else if (condition instanceof Condition.Or or) {
            check(or.left(), scope);
            check(or.right(), scope);
        } else if (condition instanceof Condition.Not not) {
            check(not.operand(), scope);
        } else if (condition instanceof Condition.Comparison comparison) {
            checkOperand(comparison.left(), scope);
            checkOperand(comparison.right(), scope);
            if (comparison.operator().isOrdering()) {
                refuseUnorderedLiteral(comparison.left(), comparison.operator());
                refuseUnorderedLiteral(comparison.right(), comparison.operator());
            }
        } else if (condition instanceof Condition.In in) {
            checkOperand(in.operand(), scope);
            if (in.values().size() > MAX_IN_VALUES) {
                throw QueryErrors.invalid(
                        in.position(),
                        "the " + (in.negated() ? "NIN" : "IN") + " list has "
                                + in.values().size() + " values; ADT accepts at most " + MAX_IN_VALUES);
            }
        } else if (condition instanceof Condition.IsOfModel isOfModel) {
            checkIsOfModel(isOfModel, scope);
        } else if (condition instanceof Condition.TypeCheck typeCheck) {
            checkOperand(typeCheck.path(), scope);
        } else if (condition instanceof Condition.StringMatch match) {
            checkOperand(match.path(), scope);
        }
    }

    private static void checkOperand(Operand operand, Scope scope) {
        if (operand instanceof PropertyPath path && scope.resolve(path).isWholeCollection()) {
            throw QueryErrors.unsupported(
                    path.position(), "using the whole collection '" + path.text() + "' as a value (name a property)");
        }
    }

    private static void refuseUnorderedLiteral(Operand operand, ComparisonOperator operator) {
        if (operand instanceof Literal literal
                && (literal.value().isBoolean() || literal.value().isNull())) {
            throw QueryErrors.unsupported(
                    literal.position(),
                    "'" + operator.symbol() + "' with " + literal.value() + " (only = and != compare"
                            + " booleans and null)");
        }
    }

    private static void checkIsOfModel(Condition.IsOfModel isOfModel, Scope scope) {
        if (isOfModel.collection().isEmpty()) {
            if (scope.join().isPresent()) {
                throw QueryErrors.invalid(
                        isOfModel.position(),
                        "in a JOIN query IS_OF_MODEL needs the twin collection first, as in IS_OF_MODEL(CT, '"
                                + isOfModel.modelId() + "')");
            }
            if (scope.kind(scope.root()) != Scope.Kind.TWIN) {
                throw QueryErrors.invalid(isOfModel.position(), "IS_OF_MODEL applies to twins, not to RELATIONSHIPS");
            }
            return;
        }
        String name = isOfModel.collection().get();
        Scope.Resolved resolved = scope.resolve(new PropertyPath(List.of(name), isOfModel.position()));
        if (!resolved.isWholeCollection()) {
            throw QueryErrors.invalid(isOfModel.position(), "'" + name + "' in IS_OF_MODEL is not a collection name");
        }
        if (scope.kind(resolved.binding()) != Scope.Kind.TWIN) {
            throw QueryErrors.invalid(
                    isOfModel.position(), "IS_OF_MODEL applies to twins; '" + name + "' is a relationship collection");
        }
    }

    private static void requireDtIdFilter(Query query, Scope scope, Join join) {
        boolean pinned = query.where()
                .filter(where -> DtIdFilters.pinnedIds(where, scope, scope.root())
                                .isPresent()
                        || DtIdFilters.pinnedIds(where, scope, join.target()).isPresent())
                .isPresent();
        if (!pinned) {
            throw QueryErrors.invalid(
                    join.position(),
                    "a JOIN query must pick its twins by $dtId in WHERE, as ADT requires: add " + scope.root()
                            + ".$dtId = '<id>' (or IN [...]) or " + join.target() + ".$dtId = '<id>' as a term joined"
                            + " by AND");
        }
    }
}
