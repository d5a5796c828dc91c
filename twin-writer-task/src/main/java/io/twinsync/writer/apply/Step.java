package io.twinsync.writer.apply;

import io.twinsync.writer.report.ItemAction;

/** What one twin or relationship write came to, before timing and attempts are added. */
record Step(ItemAction action, String etag, String errorCode, String message) {

    static Step done(ItemAction action, String etag) {
        return new Step(action, etag, null, null);
    }

    static Step failed(String errorCode, String message) {
        return new Step(ItemAction.FAILED, null, errorCode, message);
    }
}
