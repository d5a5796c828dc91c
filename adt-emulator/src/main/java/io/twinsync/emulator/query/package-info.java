/** The ADT query language subset behind {@code POST /query}: lexer, parser to an AST, validation, evaluation, paging. */
package io.twinsync.emulator.query;
