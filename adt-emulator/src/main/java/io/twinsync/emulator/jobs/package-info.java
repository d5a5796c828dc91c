/** Import jobs ({@code /jobs/imports}): NDJSON files of models, twins and relationships applied in the background. */
package io.twinsync.emulator.jobs;
