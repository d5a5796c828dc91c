/** Reads source entities over JDBC, streaming, into a batch's staged rows files. */
package io.twinsync.extract.jdbc;
