package io.twinsync.transform.importfile;

/**
 * What {@link ImportFileWriter} put in a batch's import file.
 *
 * @param path the file's path in the batch ({@link ImportFileWriter#IMPORT_FILE})
 * @param models DTDL interfaces in the Models section
 * @param twins twin lines in the Twins section
 * @param relationships relationship lines in the Relationships section
 * @param tombstonesSkipped twin files left out because the source deleted their twin (with their relationships)
 */
public record ImportFileSummary(String path, long models, long twins, long relationships, long tombstonesSkipped) {}
