package io.twinsync.transform.twin;

import java.util.List;

/**
 * A mapped relationship bound to a staged file.
 *
 * @param id the explicit relationship id template, or null for the default id
 */
record RelationshipPlan(
        String name, BoundTemplate target, BoundTemplate id, List<PropertyPlan> properties, boolean removeStale) {}
