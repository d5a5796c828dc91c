package io.twinsync.writer.task;

import io.twinsync.writer.WritePhase;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --phase all|twins|relationships} (and the activity's {@code phase}). */
final class PhaseConverter implements ITypeConverter<WritePhase> {

    @Override
    public WritePhase convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static WritePhase parse(String value) {
        for (WritePhase phase : WritePhase.values()) {
            if (phase.name().equalsIgnoreCase(value.strip())) {
                return phase;
            }
        }
        throw new IllegalArgumentException("Unknown phase '" + value + "'; use one of "
                + Arrays.stream(WritePhase.values())
                        .map(phase -> phase.name().toLowerCase(Locale.ROOT))
                        .toList());
    }
}
