package io.twinsync.emulator.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.emulator.query.Condition.And;
import io.twinsync.emulator.query.Condition.Comparison;
import io.twinsync.emulator.query.Condition.In;
import io.twinsync.emulator.query.Condition.IsOfModel;
import io.twinsync.emulator.query.Condition.Not;
import io.twinsync.emulator.query.Condition.Or;
import io.twinsync.emulator.query.Condition.StringMatch;
import io.twinsync.emulator.query.Condition.TypeCheck;
import io.twinsync.emulator.query.Operand.Literal;
import io.twinsync.emulator.query.Operand.PropertyPath;
import io.twinsync.emulator.query.Query.Collection;
import io.twinsync.emulator.query.Query.Join;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class QueryParserTests {

    @Test
    void selectStarFromDigitalTwinsHasNoAliasNoJoinAndNoCondition() {
        // when
        Query query = QueryParser.parse("SELECT * FROM DIGITALTWINS");

        // then
        assertThat(query.selection()).isEqualTo(new Selection.All(OptionalInt.empty()));
        assertThat(query.source()).isEqualTo(new Query.Source(Collection.DIGITALTWINS, Optional.empty()));
        assertThat(query.joins()).isEmpty();
        assertThat(query.where()).isEmpty();
    }

    @Test
    void keywordsAreCaseInsensitiveAndTheAliasKeepsItsCase() {
        // when
        Query query = QueryParser.parse("select * from DigitalTwins Tw where Tw.$dtId = 'a'");

        // then
        assertThat(query.source()).isEqualTo(new Query.Source(Collection.DIGITALTWINS, Optional.of("Tw")));
        assertThat(query.where()).isPresent();
    }

    @Test
    void topWithoutStarSelectsWholeTwins() {
        // when
        Query query = QueryParser.parse("SELECT TOP(5) FROM DIGITALTWINS");

        // then
        assertThat(query.selection()).isEqualTo(new Selection.All(OptionalInt.of(5)));
    }

    @Test
    void topWithColumnsKeepsTheColumns() {
        // when
        Query query = QueryParser.parse("SELECT TOP (2) T.$dtId, T.name FROM DIGITALTWINS T");

        // then
        Selection.Columns columns = (Selection.Columns) query.selection();
        assertThat(columns.top()).hasValue(2);
        assertThat(columns.columns())
                .extracting(PropertyPath::segments)
                .containsExactly(List.of("T", "$dtId"), List.of("T", "name"));
    }

    @Test
    void countTakesNoArgument() {
        // when
        Query query = QueryParser.parse("SELECT COUNT() FROM RELATIONSHIPS");

        // then
        assertThat(query.selection()).isEqualTo(new Selection.Count());
        assertThat(query.source().collection()).isEqualTo(Collection.RELATIONSHIPS);
    }

    @Test
    void collectionAndNestedPropertyColumnsAreDottedPaths() {
        // when
        Query query = QueryParser.parse("SELECT T, T.address.city, T.$metadata.$model FROM DIGITALTWINS T");

        // then
        assertThat(((Selection.Columns) query.selection()).columns())
                .extracting(PropertyPath::text)
                .containsExactly("T", "T.address.city", "T.$metadata.$model");
    }

    @Test
    void joinReadsTargetSourceRelationshipAndOptionalRelationshipAlias() {
        // when
        Query plain = QueryParser.parse("SELECT T, CT FROM DIGITALTWINS T JOIN CT RELATED T.contains");
        Query aliased = QueryParser.parse("SELECT T, CT, R FROM DIGITALTWINS T JOIN CT RELATED T.contains R");

        // then
        assertThat(plain.joins()).containsExactly(new Join("CT", "T", "contains", Optional.empty(), 33));
        assertThat(aliased.joins()).containsExactly(new Join("CT", "T", "contains", Optional.of("R"), 36));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        // when
        Condition where = where("NOT T.a = 1 OR T.b = 2 AND T.c = 3");

        // then
        Or or = (Or) where;
        assertThat(or.left()).isInstanceOf(Not.class);
        assertThat(or.right()).isInstanceOf(And.class);
    }

    @Test
    void parenthesesOverridePrecedence() {
        // when
        Condition where = where("(T.a = 1 OR T.b = 2) AND T.c = 3");

        // then
        And and = (And) where;
        assertThat(and.left()).isInstanceOf(Or.class);
    }

    @Test
    void comparisonsReadEveryOperator() {
        // when
        List<ComparisonOperator> operators = List.of("=", "!=", "<", "<=", ">", ">=").stream()
                .map(op -> ((Comparison) where("T.a " + op + " 1")).operator())
                .toList();

        // then
        assertThat(operators).containsExactly(ComparisonOperator.values());
    }

    @Test
    void literalsAreStringsInEitherQuoteNumbersBooleansAndNull() {
        // when
        List<String> values = List.of("'it\\'s'", "\"dq\"", "-3", "2.50", "1e3", "true", "FALSE", "null").stream()
                .map(literal -> ((Literal) ((Comparison) where("T.a = " + literal)).right())
                        .value()
                        .toString())
                .toList();

        // then
        assertThat(values).containsExactly("\"it's\"", "\"dq\"", "-3", "2.50", "1E+3", "true", "false", "null");
    }

    @Test
    void wholeNumbersStayIntegersAndDecimalsKeepTheirDigits() {
        // when
        Literal whole = (Literal) ((Comparison) where("T.a = 12")).right();
        Literal decimal = (Literal) ((Comparison) where("T.a = 12.0")).right();

        // then
        assertThat(whole.value().isIntegralNumber()).isTrue();
        assertThat(decimal.value().decimalValue()).isEqualTo(new BigDecimal("12.0"));
    }

    @Test
    void inAndNinReadTheirLists() {
        // when
        In in = (In) where("T.$dtId IN ['a', \"b\"]");
        In nin = (In) where("T.n NIN [1, 2, 3]");

        // then
        assertThat(in.negated()).isFalse();
        assertThat(in.values()).extracting(value -> value.value().asText()).containsExactly("a", "b");
        assertThat(nin.negated()).isTrue();
        assertThat(nin.values()).hasSize(3);
    }

    @Test
    void isOfModelTakesAnOptionalCollectionAndAnOptionalExact() {
        // when
        IsOfModel modelOnly = (IsOfModel) where("IS_OF_MODEL('dtmi:a;1')");
        IsOfModel exact = (IsOfModel) where("is_of_model('dtmi:a;1', exact)");
        IsOfModel all = (IsOfModel) where("IS_OF_MODEL(T, 'dtmi:a;1', EXACT)");

        // then
        assertThat(modelOnly).isEqualTo(new IsOfModel(Optional.empty(), "dtmi:a;1", false, 35));
        assertThat(exact.exact()).isTrue();
        assertThat(all.collection()).hasValue("T");
        assertThat(all.exact()).isTrue();
    }

    @Test
    void typeFunctionsTakeOneProperty() {
        // when
        TypeCheck defined = (TypeCheck) where("IS_DEFINED(T.capacity)");
        TypeCheck number = (TypeCheck) where("is_number(capacity)");

        // then
        assertThat(defined.function()).isEqualTo(TypeFunction.IS_DEFINED);
        assertThat(defined.path().segments()).containsExactly("T", "capacity");
        assertThat(number.function()).isEqualTo(TypeFunction.IS_NUMBER);
    }

    @Test
    void stringFunctionsTakeAPropertyAndAString() {
        // when
        StringMatch match = (StringMatch) where("STARTSWITH(T.$dtId, 'room-')");

        // then
        assertThat(match.function()).isEqualTo(StringFunction.STARTSWITH);
        assertThat(match.path().text()).isEqualTo("T.$dtId");
        assertThat(match.text()).isEqualTo("room-");
    }

    @Test
    void escapedNamesMayBeReservedWords() {
        // when
        Comparison comparison = (Comparison) where("T.[[Group]] = 'x'");

        // then
        assertThat(((PropertyPath) comparison.left()).segments()).containsExactly("T", "Group");
    }

    private static Condition where(String condition) {
        return QueryParser.parse("SELECT * FROM DIGITALTWINS T WHERE " + condition)
                .where()
                .orElseThrow();
    }
}
