/** Property values computed per row by Spring Expression Language expressions, in a locked-down sandbox. */
package io.twinsync.transform.expression;
