package io.twinsync.orchestrator.models;

import io.twinsync.writer.models.ModelComparison;
import io.twinsync.writer.models.TargetModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What uploading local models to a target would meet, said before anything is written: models the target holds with
 * other content (ADT models cannot change), interfaces they need that neither they nor the target hold, and models a
 * mapping creates twins of that the target holds decommissioned.
 *
 * @param comparison the local models against the target's
 * @param problems each problem, with what to do
 */
public record ModelCheck(ModelComparison comparison, List<String> problems) {

    public ModelCheck {
        problems = List.copyOf(problems);
    }

    public boolean isClean() {
        return problems.isEmpty();
    }

    /**
     * @param twinModels the models twins are created of (a mapping's entities'); empty when none are
     */
    public static ModelCheck of(LocalModels local, List<TargetModel> target, Collection<String> twinModels) {
        ModelComparison comparison = ModelComparison.compare(local.documents(), target);
        List<String> problems = new ArrayList<>(local.problems());
        for (ModelComparison.Difference difference : comparison.differing()) {
            problems.add(difference.id() + ": the target holds this model with other content (it differs at "
                    + difference.describePaths() + "). " + ModelComparison.advice() + ".");
        }
        Set<String> held = new HashSet<>();
        target.forEach(model -> held.add(model.id()));
        local.missing().forEach((id, advice) -> {
            if (!held.contains(id)) {
                problems.add(id + ": neither the local models nor the target define it, so uploading them would be"
                        + " refused; " + advice);
            }
        });
        for (TargetModel model : target) {
            if (model.decommissioned() && twinModels.contains(model.id())) {
                problems.add(model.id() + ": the target holds it decommissioned, so no new twin of it can be"
                        + " created; map the entity to a model that is not decommissioned");
            }
        }
        return new ModelCheck(comparison, problems);
    }
}
