package io.twinsync.extract.copied;

import io.twinsync.extract.ExtractException;

/** An entity's copied rows file is not in the staging area; the message names every missing file and what to do. */
public final class CopiedRowsMissingException extends ExtractException {

    private static final long serialVersionUID = 1L;

    CopiedRowsMissingException(String message) {
        super(message);
    }
}
