/** The batch report: {@code report.json} and a self-contained {@code report.html} in the batch folder. */
package io.twinsync.orchestrator.report;
