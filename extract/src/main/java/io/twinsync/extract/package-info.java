/** Extract: what to read from the source (entities) and the errors reading it can raise. */
package io.twinsync.extract;
