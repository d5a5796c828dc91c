package io.twinsync.sample.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTests {

    @Test
    void splitsOnSemicolonsAtLineEndsAndSkipsComments() {
        // given a script with comments, a multi-line statement and a one-line statement
        String text = "-- a comment\n\nCREATE TABLE t (\n    a INT\n);\n-- another\nINSERT INTO t VALUES (1);\n";

        // when it is split
        List<SqlScript.Statement> statements = SqlScript.split(text);

        // then each statement keeps its starting line and loses its semicolon
        assertThat(statements)
                .containsExactly(
                        new SqlScript.Statement(3, "CREATE TABLE t (\n    a INT\n)"),
                        new SqlScript.Statement(7, "INSERT INTO t VALUES (1)"));
    }

    @Test
    void aSemicolonInsideALineDoesNotEndTheStatement() {
        // given a value with a semicolon that is not at the end of its line
        String text = "INSERT INTO t VALUES ('a;b',\n 2);\n";

        // when it is split / then it stays one statement
        assertThat(SqlScript.split(text)).hasSize(1);
    }

    @Test
    void everyBundledScriptSplitsIntoStatements() {
        // given / when the bundled scripts are loaded / then each has statements, and the seed one per row
        for (SqlDialect dialect : SqlDialect.values()) {
            assertThat(SqlScript.load("/io/twinsync/sample/erp/" + dialect.folder() + "/schema.sql")
                            .statements())
                    .as(dialect.name())
                    .hasSizeGreaterThanOrEqualTo(5);
        }
        assertThat(SqlScript.load("/io/twinsync/sample/erp/seed.sql").statements())
                .hasSize(12 + 3 + 8 + 24 + 300);
    }
}
