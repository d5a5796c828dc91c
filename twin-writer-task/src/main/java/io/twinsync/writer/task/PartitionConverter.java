package io.twinsync.writer.task;

import io.twinsync.writer.Partition;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --partition i/n}. */
final class PartitionConverter implements ITypeConverter<Partition> {

    @Override
    public Partition convert(String value) {
        try {
            return Partition.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
