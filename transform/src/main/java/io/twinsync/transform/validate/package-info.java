/**
 * Checks before and outside a transform run: the ADT rules a twin file must meet (id rules, size limits), and the
 * check of a mapping against sample rows behind {@code twinsync validate}.
 */
package io.twinsync.transform.validate;
