/** A small DTDL v2/v3 reader: interfaces, their contents and schemas, and a catalog that resolves extends. */
package io.twinsync.emulator.model;
