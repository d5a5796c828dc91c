package io.twinsync.transform.twin;

import io.twinsync.staging.reject.Reject;
import java.util.Locale;

/**
 * The reject of a whole read that lacks more of the last committed batch's rows than the entity's missing limit
 * allows: nothing is deleted for them, and this says why and what to do. One wording for twins
 * ({@code deleted.missingLimit}) and link relationships ({@code relationship.missingLimit}).
 */
final class TooManyMissing {

    private TooManyMissing() {}

    /**
     * @param setting the mapping key of the limit, such as {@code deleted.missingLimit}
     * @param what what the last batch had, such as {@code twins entity x}
     * @param kept what was not deleted, such as {@code none was deleted}
     */
    static Reject reject(EntityPlan plan, String setting, String what, String kept, long earlier, long missing) {
        return new Reject(
                EntityTwinWriter.STAGE,
                plan.entity(),
                0,
                null,
                setting,
                missing + " of " + earlier,
                RejectCode.TOO_MANY_MISSING_ROWS.name(),
                missing + " of the " + earlier + " " + what + " had in the last committed batch ("
                        + percent((double) missing / earlier) + ") are missing from this read, more than " + setting
                        + " allows (" + percent(plan.missing().limit()) + "), so " + kept + ". If the source really"
                        + " lost them, raise missingLimit for one run; if not, check the entity's query or table (an"
                        + " empty or cut-short read looks like this). They are kept and checked again next batch.");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100.0 * share);
    }
}
