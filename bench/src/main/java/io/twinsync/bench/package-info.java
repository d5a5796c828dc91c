/** Benchmark programs, run by the scripts in {@code scripts/}; they measure, they do not assert. */
package io.twinsync.bench;
