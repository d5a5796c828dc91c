/**
 * One DTDL reader for all of twinsync: reads DTDL v2 and v3 interfaces as the language specification defines them
 * ({@link io.twinsync.dtdl.DtdlReader}) into a {@link io.twinsync.dtdl.ModelSet} that answers what a twin of a model
 * may hold, in which order models must be uploaded, and what a set of models still needs.
 */
package io.twinsync.dtdl;
