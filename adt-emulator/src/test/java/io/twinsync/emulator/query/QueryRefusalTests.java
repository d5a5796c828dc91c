package io.twinsync.emulator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.twinsync.emulator.error.AdtError;
import io.twinsync.emulator.error.AdtException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Queries outside the subset, or against ADT's rules, are refused with SqlQueryError naming the construct. */
class QueryRefusalTests {

    private static final QueryEngine ENGINE = QueryRunner.engine();

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // syntax errors name the position and the token
                "SELECT * DIGITALTWINS                                   | position 10 near 'DIGITALTWINS': expected FROM",
                "SELECT * FROM DIGITALTWINS WHERE                        | near the end of the query",
                "SELECT * FROM DIGITALTWINS T WHERE T.name = 'open       | a closing ' for the string",
                "SELECT * FROM DIGITALTWINS T WHERE T.name == 'x'        | position 44 near '='",
                "SELECT * FROM DIGITALTWINS T WHERE T.name ~ 'x'         | position 43 near '~'",
                "SELECT * FROM DIGITALTWINS T WHERE T.flag               | a comparison (= != < <= > >=), IN or NIN after 'T.flag'",
                "SELECT * FROM DIGITALTWINS T WHERE T.Group = 'x'        | 'Group' is a reserved keyword, escape it as [[Group]]",
                "SELECT * FROM DIGITALTWINS T T2                         | near 'T2'",
                "``                                                      | the query is empty",
                "SELECT TOP(0) FROM DIGITALTWINS                         | a positive whole number of items in TOP",
                "SELECT COUNT(*) FROM DIGITALTWINS                       | near '*'",
                "SELECT * FROM DIGITALTWINS T WHERE T.$dtId IN []        | near ']'",
                // constructs outside the subset are named
                "SELECT * FROM DIGITALTWINS T ORDER BY T.name            | ORDER BY",
                "SELECT COUNT() FROM DIGITALTWINS GROUP BY name          | GROUP BY",
                "SELECT DISTINCT T.name FROM DIGITALTWINS T              | SELECT DISTINCT",
                "SELECT VALUE T.name FROM DIGITALTWINS T                 | SELECT VALUE",
                "SELECT T.name AS n FROM DIGITALTWINS T                  | AS aliases in SELECT",
                "SELECT * FROM DIGITALTWINS AS T                         | AS before a collection name",
                "SELECT * FROM (SELECT * FROM DIGITALTWINS)              | subqueries in FROM",
                "SELECT B, R FROM DIGITALTWINS MATCH (B)-[]->(R) WHERE B.$dtId = 'x' | MATCH",
                "SELECT * FROM DIGITALTWINS T WHERE ARRAY_CONTAINS(T.tags, 'a') | the function ARRAY_CONTAINS",
                "SELECT * FROM DIGITALTWINS T WHERE STARTS_WITH(T.name, 'a')   | the function STARTS_WITH",
                "SELECT UPPER(T.name) FROM DIGITALTWINS T                | the function UPPER in SELECT",
                "SELECT * FROM DIGITALTWINS T WHERE T.name NOT IN ['a']  | NOT IN (ADT spells it NIN)",
                "SELECT * FROM DIGITALTWINS T WHERE T.$dtId = @id        | query parameters",
                "SELECT TOP(2) COUNT() FROM DIGITALTWINS                 | TOP together with COUNT()",
                "SELECT * FROM DIGITALTWINS T WHERE T.area < true        | '<' with true",
                "SELECT * FROM DIGITALTWINS T WHERE T.a > null           | '>' with null",
                "SELECT * FROM DIGITALTWINS T WHERE T = 'x'              | using the whole collection 'T' as a value",
                "SELECT * FROM DIGITALTWINS T WHERE t.name = 'x'         | 't' differs from the collection name 'T' only by case",
                "SELECT T.name, T.address.name FROM DIGITALTWINS T       | two selected columns named 'name'",
                // the service's rules
                "SELECT T, CT FROM DIGITALTWINS T JOIN CT RELATED T.contains | must pick its twins by $dtId",
                "SELECT T, CT FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.$dtId = 'a' OR CT.$dtId = 'b' | must pick its twins by $dtId",
                "SELECT * FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.$dtId = 'a' | SELECT * cannot be used with JOIN",
                "SELECT A FROM DIGITALTWINS A JOIN B RELATED A.contains JOIN C RELATED B.contains WHERE A.$dtId = 'x' | a second JOIN",
                "SELECT R FROM RELATIONSHIPS R JOIN CT RELATED R.contains WHERE R.$dtId = 'x' | JOIN cannot be combined with FROM RELATIONSHIPS",
                "SELECT CT FROM DIGITALTWINS JOIN CT RELATED T.contains WHERE CT.$dtId = 'x' | a JOIN needs a name for the FROM collection",
                "SELECT CT FROM DIGITALTWINS T JOIN CT RELATED X.contains WHERE CT.$dtId = 'x' | must start from the FROM collection 'T'",
                "SELECT CT FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.$dtId = 'x' AND name = 'y' | 'name' does not start with a collection name",
                "SELECT CT FROM DIGITALTWINS T JOIN CT RELATED T.contains WHERE T.$dtId = 'x' AND IS_OF_MODEL('dtmi:a;1') | IS_OF_MODEL needs the twin collection first",
                "SELECT CT FROM DIGITALTWINS T JOIN CT RELATED T.contains R WHERE T.$dtId = 'x' AND IS_OF_MODEL(R, 'dtmi:a;1') | 'R' is a relationship collection",
                "SELECT * FROM RELATIONSHIPS WHERE IS_OF_MODEL('dtmi:a;1') | IS_OF_MODEL applies to twins",
                "SELECT T FROM DIGITALTWINS T JOIN T RELATED T.contains WHERE T.$dtId = 'x' | the collection name 'T' is declared twice",
            })
    void isRefusedWithAMessageNamingTheProblem(String query, String expected) {
        // when
        AdtException error = refusal(query);

        // then
        assertThat(error.error()).isEqualTo(AdtError.SQL_QUERY_ERROR);
        assertThat(error.getMessage()).contains(expected.strip());
    }

    @Test
    void anInListOfMoreThanFiftyValuesIsRefused() {
        // given
        String values = IntStream.range(0, 51).mapToObj(i -> "'t" + i + "'").collect(Collectors.joining(","));

        // when
        AdtException error = refusal("SELECT * FROM DIGITALTWINS T WHERE T.$dtId IN [" + values + "]");

        // then
        assertThat(error.getMessage()).contains("the IN list has 51 values; ADT accepts at most 50");
    }

    @Test
    void anInListOfFiftyValuesIsAccepted() {
        // given
        String values = IntStream.range(0, 50).mapToObj(i -> "'t" + i + "'").collect(Collectors.joining(","));

        // when
        QueryPage page = ENGINE.firstPage("SELECT * FROM DIGITALTWINS T WHERE T.$dtId IN [" + values + "]", 10);

        // then
        assertThat(page.items()).isEmpty();
    }

    @Test
    void moreThanFiftyAndOrOperatorsAreRefused() {
        // given
        String terms = String.join(" OR ", Collections.nCopies(52, "T.a = 1"));

        // when
        AdtException error = refusal("SELECT * FROM DIGITALTWINS T WHERE " + terms);

        // then
        assertThat(error.getMessage()).contains("51 AND/OR operators; ADT accepts at most 50");
    }

    @Test
    void aQueryOverEightThousandCharactersIsRefused() {
        // given
        String query = "SELECT * FROM DIGITALTWINS T WHERE T.name = '" + "x".repeat(8_000) + "'";

        // when
        AdtException error = refusal(query);

        // then
        assertThat(error.getMessage()).contains("characters long; ADT accepts at most 8000");
    }

    @Test
    void orderingTwoBooleanPropertiesIsRefusedWhenEvaluated() {
        // when
        AdtException error = refusal("SELECT * FROM DIGITALTWINS T WHERE T.occupied < T.occupied");

        // then
        assertThat(error.getMessage()).contains("'<' between two boolean values");
    }

    @Test
    void aContinuationTokenThisEmulatorDidNotIssueIsInvalid() {
        // when
        AdtException garbage = catchThrowableOfType(AdtException.class, () -> ENGINE.nextPage("not-a-token", 5));
        AdtException wrongKey = catchThrowableOfType(
                AdtException.class,
                () -> ENGINE.nextPage(
                        new ContinuationToken("SELECT * FROM RELATIONSHIPS", List.of("a"), 1).encode(), 5));

        // then
        assertThat(garbage.error()).isEqualTo(AdtError.INVALID_ARGUMENT);
        assertThat(garbage.getMessage()).contains("is not one this emulator issued");
        assertThat(wrongKey.error()).isEqualTo(AdtError.INVALID_ARGUMENT);
    }

    private static AdtException refusal(String query) {
        AdtException error = catchThrowableOfType(AdtException.class, () -> ENGINE.firstPage(query, 100));
        assertThat(error).as("the query should be refused: %s", query).isNotNull();
        return error;
    }
}
