/** Checks twin and relationship documents against the uploaded DTDL models, as ADT does on every write. */
package io.twinsync.emulator.validation;
