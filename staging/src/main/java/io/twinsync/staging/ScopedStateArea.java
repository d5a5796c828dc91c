package io.twinsync.staging;

import java.io.InputStream;
import java.util.Optional;

/** A {@link StateArea} whose names all live under one folder of another. */
final class ScopedStateArea implements StateArea {

    private final StateArea parent;
    private final String folder;

    ScopedStateArea(StateArea parent, String folder) {
        if (folder == null
                || !folder.endsWith("/")
                || folder.startsWith("/")
                || folder.contains("..")
                || folder.contains("\\")) {
            throw new IllegalArgumentException(
                    "State folder '" + folder + "' must be a relative path ending in '/', without '..' or '\\'");
        }
        this.parent = parent;
        this.folder = folder;
    }

    @Override
    public Optional<InputStream> open(String name) {
        return parent.open(folder + name);
    }

    @Override
    public StagedOutput create(String name) {
        return parent.create(folder + name);
    }

    @Override
    public StateLock lock(String name, LockHolder holder) {
        return parent.lock(folder + name, holder);
    }

    @Override
    public StateArea scoped(String inner) {
        return parent.scoped(folder + inner);
    }

    @Override
    public String toString() {
        return parent + " " + folder;
    }
}
