package io.twinsync.extract.copied;

import io.twinsync.staging.StagingStore;
import java.util.regex.Pattern;

/**
 * The folder of the staging area that a Copy activity wrote an ingest's files into: {@code incoming/{name}/}, where
 * {@code name} is normally the pipeline's run id. Checked here so that {@code --rows-from} can only ever read below
 * {@code incoming/}, never a batch or the sync state.
 *
 * @param name the folder below {@code incoming/}, without slashes at either end (it may have inner ones)
 */
public record CopiedRowsFolder(String name) {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public CopiedRowsFolder {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("The folder of copied rows has no name below " + StagingStore.INCOMING);
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
                throw new IllegalArgumentException("The folder of copied rows '" + name + "' has a part '" + segment
                        + "' that is not letters, digits, '.', '_' or '-' (starting with a letter or digit)");
            }
        }
    }

    /**
     * Reads a staging-relative folder as {@code --rows-from} takes it: {@code incoming/{name}}, with or without a
     * trailing slash.
     *
     * @throws IllegalArgumentException saying what the value must look like
     */
    public static CopiedRowsFolder parse(String value) {
        String folder = value == null ? "" : value.strip();
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        if (!folder.startsWith(StagingStore.INCOMING) || folder.length() == StagingStore.INCOMING.length()) {
            throw new IllegalArgumentException("'" + value + "' is not a folder below " + StagingStore.INCOMING
                    + " in the staging area; give the folder the Copy activities wrote into, such as "
                    + StagingStore.INCOMING + "<pipeline run id>");
        }
        try {
            return new CopiedRowsFolder(folder.substring(StagingStore.INCOMING.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not usable: " + e.getMessage(), e);
        }
    }

    /** The entity's file, relative to {@code incoming/}: {@code {name}/{entity}.json}. */
    public String fileOf(String entity) {
        return name + "/" + entity + ".json";
    }

    /** The entity's file as the staging area names it, for messages: {@code incoming/{name}/{entity}.json}. */
    public String display(String entity) {
        return StagingStore.INCOMING + fileOf(entity);
    }

    @Override
    public String toString() {
        return StagingStore.INCOMING + name;
    }
}
