package io.twinsync.transform.mapping;

import java.util.Locale;
import java.util.Set;

/**
 * Reads id templates (twin {@code id}, relationship {@code target} and {@code id}) in the short form
 * ({@code "asset-{AssetTag}"}) or the long form ({@code {template: "asset-{AssetTag}", case: lower}}), and the
 * mapping-wide normalisation defaults ({@code ids:}) that the long form overrides key by key.
 */
final class IdTemplateReader {

    static final Set<String> IDS_KEYS = Set.of("trim", "case", "invalid", "replacement");
    static final Set<String> TEMPLATE_KEYS = Set.of("template", "trim", "case", "invalid", "replacement");

    private final IdNormalization defaults;
    private final MappingProblems problems;

    IdTemplateReader(IdNormalization defaults, MappingProblems problems) {
        this.defaults = defaults;
        this.problems = problems;
    }

    /** The {@code ids:} block of the mapping, or {@link IdNormalization#NONE} when absent. */
    static IdNormalization readDefaults(YamlFields ids, MappingProblems problems) {
        if (ids == null) {
            return IdNormalization.NONE;
        }
        ids.allowOnly(IDS_KEYS);
        return normalization(ids, IdNormalization.NONE, problems);
    }

    /**
     * The template under {@code key}, or null (having reported why) when absent but required, or wrong; a twin id or
     * target template must use a column ({@code needsColumn}), a relationship id need not.
     */
    IdTemplate read(YamlFields fields, String key, boolean required, boolean needsColumn) {
        String text;
        IdNormalization normalization = defaults;
        String at = fields.at(key);
        if (fields.isObject(key)) {
            YamlFields longForm = fields.object(key, true);
            longForm.allowOnly(TEMPLATE_KEYS);
            text = longForm.text("template", true);
            normalization = normalization(longForm, defaults, problems);
            at = longForm.at("template");
        } else {
            text = fields.text(key, required);
        }
        if (text == null) {
            return null;
        }
        try {
            IdTemplate template = IdTemplate.parse(text);
            if (needsColumn && template.columns().isEmpty()) {
                problems.add(at + ": \"" + text + "\" uses no column, so every row would get the same"
                        + " id; put the identifying column in braces, such as \"asset-{AssetTag}\"");
                return null;
            }
            return template.normalized(normalization);
        } catch (IllegalArgumentException e) {
            problems.add(at + ": " + e.getMessage());
            return null;
        }
    }

    private static IdNormalization normalization(YamlFields fields, IdNormalization base, MappingProblems problems) {
        boolean trim = fields.bool("trim", base.trim());
        IdNormalization.Case letterCase = base.letterCase();
        String caseText = fields.text("case", false);
        if (caseText != null) {
            try {
                letterCase = IdNormalization.Case.valueOf(caseText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(fields.at("case") + ": '" + caseText + "' is not a case; use keep, lower or upper");
            }
        }
        IdNormalization.Invalid invalid = base.invalid();
        String invalidText = fields.text("invalid", false);
        if (invalidText != null) {
            try {
                invalid = IdNormalization.Invalid.valueOf(invalidText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(fields.at("invalid") + ": '" + invalidText + "' is not an invalid-character handling;"
                        + " use reject (the row is set aside) or replace (each such character is replaced)");
            }
        }
        String replacement = fields.anyText("replacement");
        if (replacement != null) {
            if (invalid != IdNormalization.Invalid.REPLACE) {
                problems.add(fields.at("replacement") + ": only applies with invalid: replace; add that, or remove"
                        + " the replacement");
            } else if (replacement
                    .chars()
                    .anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
                problems.add(fields.at("replacement") + ": must not itself contain control characters or"
                        + " surrogates; use a plain character such as \"_\"");
            }
        }
        return new IdNormalization(trim, letterCase, invalid, replacement == null ? base.replacement() : replacement);
    }
}
