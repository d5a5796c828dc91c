package io.twinsync.dtdl;

/**
 * How to read models.
 *
 * @param allowUndefinedExtensions whether a model may name, in {@code @context}, a language extension this reader does
 *     not know (such as {@code dtmi:com:example:extension;1}). When allowed, the terms such an extension would define
 *     are accepted as co-types and properties without being checked, as the DTDL parser's "allow undefined extensions"
 *     option does; when not allowed, naming one is an error.
 * @param azureDigitalTwins whether to apply, on top of the language, what Azure Digital Twins refuses: Commands and
 *     interfaces written inline in another interface (Microsoft's docs, concepts-models, "DTDL for Azure Digital
 *     Twins must not define any commands", "Interfaces can't be defined inline within other DTDL interfaces")
 */
public record DtdlReadOptions(boolean allowUndefinedExtensions, boolean azureDigitalTwins) {

    /**
     * What Azure Digital Twins reads: the language, its restrictions, and language extensions it does not define
     * accepted rather than refused. (Real ontologies name extensions in {@code @context}; whether the service refuses
     * an unknown one is not recorded in the Azure SDK's sessions nor documented, so the emulator does not.)
     */
    public static final DtdlReadOptions SERVICE = new DtdlReadOptions(true, true);

    /** The DTDL language only, as its specification defines it, refusing extensions it does not list. */
    public static final DtdlReadOptions LANGUAGE = new DtdlReadOptions(false, false);
}
