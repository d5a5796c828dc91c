package io.twinsync.dtdl;

/**
 * How strictly to read models.
 *
 * @param allowUndefinedExtensions whether a model may name, in {@code @context}, a language extension this reader does
 *     not know (such as a partner's {@code dtmi:iotcentral:context;2}). When allowed, the terms such an extension
 *     would define are accepted as co-types and properties without being checked, as the DTDL parser does with its
 *     "allow undefined extensions" option; when not allowed, naming one is an error.
 */
public record DtdlReadOptions(boolean allowUndefinedExtensions) {

    /**
     * What Azure Digital Twins reads: language extensions it does not define are accepted, not refused. (The issue
     * that asked for one reader observed real ontologies naming extensions in {@code @context}; whether the service
     * itself refuses an unknown extension is not recorded in the Azure SDK's sessions.)
     */
    public static final DtdlReadOptions SERVICE = new DtdlReadOptions(true);

    /** Only the extensions the DTDL specification lists for v3. */
    public static final DtdlReadOptions STRICT = new DtdlReadOptions(false);
}
