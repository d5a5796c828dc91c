/** Utilities for twinsync's own tests. */
package io.twinsync.testsupport;
