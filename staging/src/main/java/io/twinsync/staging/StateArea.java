package io.twinsync.staging;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/** Named files that outlive a batch, such as the writer's record of what it last wrote. Writes are atomic. */
public interface StateArea {

    Optional<InputStream> open(String name);

    OutputStream create(String name);
}
