package io.twinsync.transform.expression;

/** An expression could not be evaluated for a row (a NULL in arithmetic, a missing method, ...). */
public final class ExpressionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExpressionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
